using Localize.Core.Readability;

namespace Localize.Core.Languages;

/// <summary>
/// Portuguese (Brazil first): 4.000 and 2,5; "dois/duas" = 2; não, nunca, nem, sem, evite negate, pare de /
/// deixe de / suspenda stop, "no máximo" limits. Readability: Flesch adapted for Brazilian Portuguese by Martins et
/// al. (1996), 248.835 − 1.015 × words/sentence − 84.6 × syllables/word, target ≥ 50 (grades 5–8).
/// </summary>
public static class PortuguesePack
{
    private const string Vowels = "aeiouáàâãéêíóôõúü";

    public static LanguagePack Pack { get; } = new()
    {
        Language = "pt",
        Name = "Portuguese",
        DecimalSeparator = ',',
        GroupSeparator = '.',
        NumberWords = PackData.NumberWords(
            "zero 0, um 1 ?, uma 1 ?, dois 2, duas 2, três 3, quatro 4, cinco 5, seis 6, sete 7, oito 8, nove 9, "
            + "dez 10, onze 11, doze 12, treze 13, catorze 14, quatorze 14, quinze 15, dezesseis 16, dezessete 17, "
            + "dezoito 18, dezenove 19, vinte 20, trinta 30, quarenta 40, cinquenta 50, sessenta 60, setenta 70, "
            + "oitenta 80, noventa 90, cem 100, cento 100, duzentos 200, trezentos 300, quinhentos 500, mil 1000 *, "
            + "milhão 1000000 *, milhões 1000000 *, ambos 2 ?, ambas 2 ?, metade 0.5 /, meio 0.5 /?, meia 0.5 /?"),
        NumberConnectors = PackData.Set("e"),
        HalfSuffixes = [["e", "meia"], ["e", "meio"]],
        NotNumbers = PackData.Phrases("por cento"),
        UnitForms = PackData.UnitForms(
            "miligrama mg, miligramas mg, micrograma mcg, microgramas mcg, grama g, gramas g, quilograma kg, "
            + "quilogramas kg, quilo kg, quilos kg, mililitro mL, mililitros mL, litro L, litros L, por cento %, "
            + "grau degree, graus degree, graus celsius °C, graus fahrenheit °F, segundo s #, segundos s #, "
            + "minuto min, minutos min, hora h, horas h, dia day, dias day, semana week, semanas week, mês month, "
            + "meses month, ano year, anos year, milímetro mm, milímetros mm, centímetro cm, centímetros cm, "
            + "metro m #, metros m #, colher de chá tsp, colheres de chá tsp, colher de sopa tbsp, colheres de sopa tbsp, "
            + "xícara cup #, xícaras cup #, gota drop #, gotas drop #, unidades internacionais IU, ui IU #, "
            + "unidade unit #, unidades unit, caloria calorie, calorias calorie"),
        // A prohibition is não/nunca + subjunctive where the clause starts (Não dirija), an infinitive (não tomar), não
        // deve or proibido; a subject before não states a fact (você não dirige).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                PackData.ClauseStart("e", "ou", "mas") + @"(?:não|nunca|jamais)\b",
                @"\bnão\s+(?:se\s+)?deve(?:m|rá)?\b",
                @"\bnão\s+\p{L}+(?:ar|er|ir)\b",
                @"\b(?:é\s+)?proibid[oa]s?\b|\bevit(?:e|ar)\b"),
            Stating = PackData.Patterns(
                @"\b(?:você|vocês|ele|ela|eles|elas|o\s+paciente|a\s+paciente|o\s+medicamento|este\s+medicamento|eu|nós|a\s+criança)\s+(?:não|nunca)\b(?!\s+(?:deve|devem|deverá|pode|podem)\b)"),
            Advice = "write a prohibition: Não dirija, Não tomar, Você não deve dirigir",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "não, nunca, jamais, nem, nenhum, nenhuma, nada, ninguém, sem, evite, evitar, evitem, "
                + "pare de !, parar de !, deixe de !, deixar de !, suspenda !, suspender !, interrompa !, interromper !, "
                + "a menos que ?, exceto ?, salvo ?, em vez de ?, "
                + "não mais de ^, não mais que ^, no máximo ^ ?, máximo ^ ?, até ^ ?"),
            NotNegating = PackData.Phrases("não só, não apenas, sem dúvida"),
        },
        FunctionWords = PackData.Set(
            "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "no", "na", "nos", "nas", "um",
            "uma", "é", "para", "com", "por", "se", "seu", "sua", "seus", "suas", "ao", "como", "mais", "mas", "você",
            "este", "esta", "esse", "essa", "pode", "deve", "há", "são", "está", "quando", "muito", "também", "sem",
            "sobre", "entre", "até", "desde", "durante", "antes", "depois", "tem", "médico", "dia", "cada", "tome"),
        PluralSuffixes = ["s", "es"],
        LengthFactor = 1.2,
        HasNegativeConcord = true,
        Readability = ReadabilityRules.Ease(
            "Flesch (Martins et al., Portuguese)",
            c => 248.835 - (1.015 * c.WordsPerSentence) - (84.6 * c.SyllablesPerWord),
            50,
            word => SyllableCounter.VowelGroups(word, Vowels)),
    };
}
