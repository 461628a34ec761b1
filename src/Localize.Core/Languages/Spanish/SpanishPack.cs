using Localize.Core.Readability;

namespace Localize.Core.Languages;

/// <summary>
/// Spanish: 1.000,5 (RAE; 4-digit numbers may go ungrouped), but 1,000.5 in Mexico, the US and most of Central
/// America; "dos" = 2; "no", "evite", "sin", "deje de" negate, and negative concord ("no … nunca") means cues are
/// counted by presence, not by number; ¿ ¡ open questions and exclamations. Readability: INFLESZ (Barrio-Cantalejo
/// et al., 2008), which reads the Szigriszt-Pazos perspicuity (1993), decides (≥ 55, "normal" or easier);
/// Fernández-Huerta (1959) is shown too, in Law's (2011) corrected form; syllables by the RAE's rules.
/// </summary>
public static class SpanishPack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "es",
        Name = "Spanish",
        DecimalSeparator = ',',
        GroupSeparator = '.',
        RegionalNumberFormats = PackData.NumberFormats("MX .,, US .,, 419 .,, GT .,, DO .,, PR .,, PA .,, HN .,, NI .,, SV .,"),
        NumberWords = PackData.NumberWords(
            "cero 0, uno 1 ?, una 1 ?, un 1 ?, dos 2, tres 3, cuatro 4, cinco 5, seis 6, siete 7, ocho 8, nueve 9, "
            + "diez 10, once 11, doce 12, trece 13, catorce 14, quince 15, dieciséis 16, dieciseis 16, diecisiete 17, "
            + "dieciocho 18, diecinueve 19, veinte 20, veintiuno 21, veintiún 21, veintiuna 21, veintidós 22, "
            + "veintidos 22, veintitrés 23, veintitres 23, veinticuatro 24, veinticinco 25, veintiséis 26, "
            + "veintiseis 26, veintisiete 27, veintiocho 28, veintinueve 29, treinta 30, cuarenta 40, cincuenta 50, "
            + "sesenta 60, setenta 70, ochenta 80, noventa 90, cien 100, ciento 100, doscientos 200, doscientas 200, "
            + "trescientos 300, trescientas 300, cuatrocientos 400, cuatrocientas 400, quinientos 500, "
            + "quinientas 500, seiscientos 600, seiscientas 600, setecientos 700, setecientas 700, ochocientos 800, "
            + "ochocientas 800, novecientos 900, novecientas 900, mil 1000 *, millón 1000000 *, millones 1000000 *, "
            + "ambos 2 ?, ambas 2 ?, "
            + "mitad 0.5 /, medio 0.5 /?, media 0.5 /?, tercio 1/3 /, cuarto 1/4 /?"),
        NumberConnectors = PackData.Set("y"),
        HalfSuffixes = [["y", "medio"], ["y", "media"]],
        NotNumbers = PackData.Phrases("por ciento"),
        AmbiguousAfter = PackData.Set("los", "las"),
        UnitForms = PackData.UnitForms(
            "miligramo mg, miligramos mg, microgramo mcg, microgramos mcg, gramo g, gramos g, kilogramo kg, "
            + "kilogramos kg, kilo kg, kilos kg, libra lb #, libras lb #, onza oz, onzas oz, mililitro mL, "
            + "mililitros mL, litro L, litros L, por ciento %, porciento %, grado degree, grados degree, "
            + "grados celsius °C, grados centígrados °C, grados centigrados °C, grados fahrenheit °F, "
            + "segundo s #, segundos s #, seg s #, minuto min, minutos min, hora h, horas h, día day, días day, "
            + "dia day, dias day, semana week, semanas week, mes month, meses month, año year, años year, "
            + "milímetro mm, milímetros mm, centímetro cm, centímetros cm, metro m #, metros m #, pulgada in, "
            + "pulgadas in, pie ft #, pies ft #, cucharadita tsp, cucharaditas tsp, cucharada tbsp, cucharadas tbsp, "
            + "taza cup #, tazas cup #, gota drop #, gotas drop #, unidades internacionales IU, ui IU #, "
            + "unidades unit, unidad unit #, caloría calorie, calorías calorie, kilocalorías kcal"),
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "no, nunca, jamás, jamas, ni, ningún, ninguno, ninguna, ningunos, ningunas, nada, nadie, sin, "
                + "tampoco, evite, evitar, evita, eviten, evitando, evítelo, evítela, absténgase, abstenerse, "
                + "deje de !, dejar de !, deja de !, dejen de !, dejando de !, suspenda !, suspender !, suspéndalo !, "
                + "suspéndala !, interrumpa !, interrumpir !, "
                + "a menos que ?, salvo ?, excepto ?, en lugar de ?, en vez de ?, incapaz ?, "
                + "no solo ?, no sólo ?, no solamente ?, sin duda ?, no importa ?, no menos de ?, "
                // Limits are weak here: "hasta" is also "until", "máximo" also "greatest".
                + "no más de ^ ?, no más tarde de ^ ?, a más tardar ^ ?, como máximo ^ ?, un máximo de ^ ?, "
                + "máximo ^ ?, máxima ^ ?, hasta ^ ?, o menos ^ ?"),
            NotNegating = PackData.Phrases("sin embargo, no obstante"),
        },
        // A prohibition is no/nunca + present subjunctive (no conduzca, no conduzcas), an infinitive instruction (no
        // conducir) or no debe; "no conduce" states a fact and "no tiene que" releases (need not).
        Prohibition = new ProhibitionRules
        {
            Negators = PackData.Set("no", "nunca", "jamás", "jamas", "ni", "tampoco"),
            Forms = PackData.Phrases(
                "no, nunca, jamás, evite, evita, eviten, evitar, prohibido, prohibida, está prohibido, absténgase, "
                + "abstenerse, no debe, no deben, no debes"),
            NeedNot = PackData.Phrases(
                "no tiene que, no tienes que, no tienen que, no tendrá que, no tendrás que, no hace falta, "
                + "no es necesario, no necesita, no necesitas, no es obligatorio"),
            VerbTags = PackData.Set("vblex", "vbmod", "vbser", "vbhaver", "vaux"),
            BetweenTags = PackData.Set("prn", "adv", "preadv"),
            ProhibitiveMoods = PackData.Set("prs", "inf"),
            ProhibitiveModals = PackData.Set("deber"),
            ProhibitiveLemmas = PackData.Set("evitar", "prohibir", "abstener"),
            NeedNotLemmas = PackData.Set("tener que", "necesitar"),
            Advice = "write a prohibition: no + subjunctive (no conduzca, no conduzcas), an infinitive (no conducir) or no debe",
        },
        FunctionWords = PackData.Set(
            "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "unos", "unas", "es", "por", "para",
            "con", "se", "su", "sus", "al", "lo", "como", "más", "pero", "si", "le", "les", "usted", "ustedes", "este",
            "esta", "estos", "estas", "ese", "esa", "puede", "pueden", "debe", "hay", "son", "está", "están",
            "cuando", "muy", "también", "sin", "sobre", "entre", "hasta", "desde", "durante", "antes", "después",
            "tiene", "ha", "mi", "nos", "ya", "todo", "todos", "médico", "día", "cada"),
        PluralSuffixes = ["s", "es"],
        Articles =
        [
            new("el", "definite", "m", "sg"), new("la", "definite", "f", "sg"), new("los", "definite", "m", "pl"), new("las", "definite", "f", "pl"),
            new("un", "indefinite", "m", "sg"), new("una", "indefinite", "f", "sg"), new("unos", "indefinite", "m", "pl"), new("unas", "indefinite", "f", "pl"),
            new("del", "de", "m", "sg"), new("de la", "de", "f", "sg"), new("al", "a", "m", "sg"), new("a la", "a", "f", "sg"),
        ],
        // Spanish runs some 15–25 % longer than the same English text.
        LengthFactor = 1.2,
        HasNegativeConcord = true,
        Punctuation = new Punctuation { OpeningMarks = PackData.Equivalents("?¿ !¡") },
        SentenceRules =
        [
            new(false, @"(?<![\p{L}\p{N}.])(?:Sr|Sra|Srta|Sres|Dr|Dra|Dres|Lic|Ing|Prof|Profa|Ud|Uds|Vd|Vds|D|Dña|pág|págs|núm|nro|aprox|máx|mín|vs|cf|fig|vol|tel|mg|mcg|ml|mL|kg|cap|art|ej|dcha|izq|ene|feb|mar|abr|jun|jul|ago|sep|sept|oct|nov|dic)\.", @"\s"),
            new(false, @"(?<![\p{L}\p{N}.])(?:p\. ej|p\.ej|EE\. UU|EE\.UU|a\. m|p\. m|a\.m|p\.m|S\.A|etc\. etc)\.", @"\s"),
        ],
        Readability = new ReadabilityRules
        {
            Deciding = new ReadabilityFormula("INFLESZ (Szigriszt-Pazos)", ReadabilityScorer.SzigrisztPazos, ReadabilityScorer.InfleszBand),
            AlsoShown = [new ReadabilityFormula("Fernández-Huerta", ReadabilityScorer.FernandezHuerta, ReadabilityScorer.EaseBand)],
            Verdict = perspicuity => perspicuity < ReadabilityScorer.InfleszMinimum ? ReadabilityVerdict.TooDifficult
                : perspicuity < 65 ? ReadabilityVerdict.InBand
                : ReadabilityVerdict.Easier,
            Band = "INFLESZ ≥ 55",
            CountSyllables = SyllableCounter.Spanish,
        },
    };
}
