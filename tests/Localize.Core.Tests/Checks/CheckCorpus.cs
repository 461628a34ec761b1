namespace Localize.Core.Tests.Checks;

/// <summary>One en→es pair of the corpus. <see cref="Expected"/> is the check id that must report an error, or null.</summary>
/// <param name="Analysis">The target as a morphological analyser read it (Apertium's tags), for the checks that need one.</param>
public sealed record CorpusPair(string Source, string Target, string? Expected = null, string Locale = "es", bool Tagged = false, Localize.Core.Checks.Analysis.TextAnalysis? Analysis = null)
{
    public override string ToString() => $"{Source} → {Target} [{Locale}{(Tagged ? ", tagged" : string.Empty)}] expects {Expected ?? "no error"}";
}

/// <summary>
/// The specification of the medical-safety checks as examples. Correct pairs use every locale format a correct
/// translation may use and must raise no error; each wrong pair injects one error and must raise exactly that
/// check's error. Texts are Markdown inline text (as in the CLI's pairs file) unless marked tagged.
/// </summary>
public static class CheckCorpus
{
    public const string GlossaryCsv = """
        source,target,note
        side effect,efecto secundario,
        side effect,efecto de lado,forbidden: Apertium calque
        tablet,comprimido,
        tablet,tableta,
        MyChart,,
        Medicaid,,
        """;

    public static IReadOnlyList<CorpusPair> Correct { get; } =
    [
        // Thousands and decimals, in the target locale's format.
        new("Take 1,000 mg of calcium a day.", "Tome 1.000 mg de calcio al día."),
        new("Take 1,000 mg of calcium a day.", "Tome 1000 mg de calcio al día."),
        new("About 10,000 people get it each year.", "Unas 10\u00A0000 personas lo contraen cada año."),
        new("Give 0.5 mL for each kilogram of weight.", "Administre 0,5 ml por cada kilogramo de peso."),
        new("The dose is 2.5 mg/kg.", "La dosis es de 2,5 mg/kg."),
        new("Eat no more than 1,500 calories a day.", "No coma más de 1500 calorías al día."),
        new("A result from 5.7% to 6.4% means prediabetes.", "Un resultado entre el 5,7 % y el 6,4 % indica prediabetes."),
        new("Take 1,000 mg of calcium a day.", "Tome 1,000 mg de calcio al día.", Locale: "es-MX"),
        new("Give 0.5 mL.", "Administre 0.5 ml.", Locale: "es-US"),
        // Percentages, written three ways.
        new("About 75 percent of people get better.", "Alrededor del 75 % de las personas mejora."),
        new("About 75 percent of people get better.", "Alrededor del 75 por ciento de las personas mejora."),
        new("About 75% of people get better.", "Alrededor del 75% de las personas mejora."),
        // Ranges, ratios, fractions.
        new("Symptoms last 2–3 weeks.", "Los síntomas duran 2–3 semanas."),
        new("Symptoms last 2 to 3 weeks.", "Los síntomas duran de 2 a 3 semanas."),
        new("Normal blood pressure is below 120/80 mmHg.", "La presión arterial normal es inferior a 120/80 mmHg."),
        new("Your blood pressure was 160/100.", "Su presión arterial era de 160/100."),
        new("Take 1/2 tablet at bedtime.", "Tome ½ tableta al acostarse."),
        new("Take 1/2 tablet at bedtime.", "Tome media tableta al acostarse."),
        new("Take half a tablet at bedtime.", "Tome 1/2 comprimido al acostarse."),
        new("Wait one and a half hours.", "Espere una hora y media."),
        new("Wait 1.5 hours.", "Espere 1,5 horas."),
        // Phone numbers, times, codes.
        new("Call Poison Help at 1-800-222-1222.", "Llame a la línea de intoxicaciones al 1-800-222-1222."),
        new("Call 911 right away.", "Llame al 911 de inmediato."),
        new("Your appointment is at 8:30 a.m.", "Su cita es a las 8:30 a. m."),
        new("Take 500 mcg of vitamin B12.", "Tome 500 mcg de vitamina B12."),
        // Spelled-out numbers on either side.
        new("Take two tablets twice a day.", "Tome dos tabletas dos veces al día."),
        new("Take 2 tablets every 6 hours.", "Tome dos comprimidos cada 6 horas."),
        new("Drink eight glasses of water.", "Beba 8 vasos de agua."),
        new("One in three adults has high blood pressure.", "Uno de cada tres adultos tiene la presión arterial alta."),
        new("Take 1 tablet by mouth once a day.", "Tome 1 tableta por vía oral una vez al día."),
        new("Children between 2 and 11 years old need 5 mL.", "Los niños de entre 2 y 11 años necesitan 5 ml."),
        new("Take twenty-five drops.", "Tome veinticinco gotas."),
        new("Up to 120 people took part.", "Participaron hasta ciento veinte personas."),
        // Temperatures and other units.
        new("A fever is 100.4 °F (38 °C) or higher.", "La fiebre es una temperatura de 38 °C (100,4 °F) o más."),
        new("Store below 25 °C.", "Conservar por debajo de 25 ºC."),
        new("Use 1 teaspoon (5 mL) of syrup.", "Use 1 cucharadita (5 ml) de jarabe."),
        new("It takes several hours to work.", "Tarda varias horas en hacer efecto."),
        new("Wash your hands for at least 20 seconds.", "Lávese las manos durante al menos 20 segundos."),
        new("Your sugar should be 80 to 130 mg/dL before meals.", "Su nivel de azúcar debe estar entre 80 y 130 mg/dL antes de las comidas."),
        // Negations, both ways, with their emphasis.
        new("Do not take more than 4,000 mg in 24 hours.", "No tome más de 4.000 mg en 24 horas."),
        new("Never give aspirin to children.", "Nunca le dé aspirina a los niños."),
        new("Don't drink alcohol while taking this medicine.", "No beba alcohol mientras toma este medicamento."),
        new("Avoid fatty foods.", "Evite los alimentos grasos."),
        new("Avoid fatty foods.", "No coma alimentos grasos."),
        new("Stop taking the medicine if you get a rash.", "Deje de tomar el medicamento si le sale un sarpullido."),
        new("Take it with or without food.", "Tómelo con o sin alimentos."),
        new("Do **not** stop taking your medicine on your own.", "**No** deje de tomar su medicamento por su cuenta."),
        new("Do not eat or drink anything after midnight.", "No coma ni beba nada después de la medianoche."),
        new("Children under 6 months should not get this vaccine.", "Los niños menores de 6 meses no deben recibir esta vacuna."),
        new("Keep this medicine out of the reach of children.", "Mantenga este medicamento fuera del alcance de los niños."),
        new("However, most people recover.", "Sin embargo, la mayoría de las personas se recupera."),
        // Markup kept.
        new("See [your doctor](https://example.org/doctor) if the pain lasts more than 3 days.", "Consulte a [su médico](https://example.org/doctor) si el dolor dura más de 3 días."),
        new("Read the *Medication Guide* before you start.", "Lea la *Guía del medicamento* antes de empezar."),
        new("Type `MyChart` in the search box.", "Escriba `MyChart` en el cuadro de búsqueda."),
        new("Is it safe to take ibuprofen?", "¿Es seguro tomar ibuprofeno?"),
        // Glossary and do-not-translate terms.
        new("Side effects include nausea.", "Los efectos secundarios incluyen náuseas."),
        new("Log in to MyChart to see your results.", "Inicie sesión en MyChart para ver sus resultados."),
        new("Ask whether Medicaid covers it.", "Pregunte si Medicaid lo cubre."),
        // Tagged segments, as the pipeline has them.
        new("Do <pc id=\"1\">not</pc> take more than 8 tablets in 24 hours.", "<pc id=\"1\">No</pc> tome más de 8 tabletas en 24 horas.", Tagged: true),
        new("Keep the dose &lt; 4,000 mg.", "Mantenga la dosis &lt; 4.000 mg.", Tagged: true),
        new("See <pc id=\"1\">side effects</pc> and <ph id=\"2\"/> below.", "Vea los <pc id=\"1\">efectos secundarios</pc> y <ph id=\"2\"/> a continuación.", Tagged: true),
        new("Take <pc id=\"1\">2 tablets</pc> every <pc id=\"2\">6 hours</pc>.", "Tome <pc id=\"2\">cada 6 horas</pc> <pc id=\"1\">2 tabletas</pc>.", Tagged: true),
        new("Call <ph id=\"1\"/> or 1-800-222-1222.", "Llame al <ph id=\"1\"/> o al 1-800-222-1222.", Tagged: true),
        new("<pc id=\"1\">Never</pc> give aspirin to children under 18.", "<pc id=\"1\">Nunca</pc> le dé aspirina a menores de 18 años.", Tagged: true),
    ];

    public static IReadOnlyList<CorpusPair> Wrong { get; } =
    [
        new("Take 1,000 mg of calcium a day.", "Tome 100 mg de calcio al día.", "numbers"),
        new("Take 1,000 mg of calcium a day.", "Tome 1,000 mg de calcio al día.", "numbers"),
        new("Give 0.5 mL.", "Administre 0.5 ml.", "numbers"),
        new("Take two tablets.", "Tome tres tabletas.", "numbers"),
        new("Your blood pressure was 160/100.", "Su presión arterial era de 160/110.", "numbers"),
        new("Call Poison Help at 1-800-222-1222.", "Llame a la línea de intoxicaciones al 1-800-222-1221.", "numbers"),
        new("Symptoms last 2–3 weeks.", "Los síntomas duran 2–5 semanas.", "numbers"),
        new("About 75 percent of people get better.", "Alrededor del 57 % de las personas mejora.", "numbers"),
        new("Take 1/2 tablet at bedtime.", "Tome 1/4 de tableta al acostarse.", "numbers"),
        new("Take 500 mcg of vitamin B12.", "Tome 500 mg de vitamina B12.", "units"),
        new("Take 2 tablets every 6 hours.", "Tome 2 tabletas cada 6 días.", "units"),
        new("Use 1 teaspoon of syrup.", "Use 1 cucharada de jarabe.", "units"),
        new("It takes several hours to work.", "Tarda varios días en hacer efecto.", "units"),
        new("Store below 25 °C.", "Conservar por debajo de 25 °F.", "units"),
        new("Give 5 mL.", "Administre 5 l.", "units"),
        new("Do not stop taking your medicine.", "Deje de tomar su medicamento.", "negation"),
        new("Never give aspirin to children.", "Dé aspirina a los niños.", "negation"),
        new("Take it with food.", "No lo tome con alimentos.", "negation"),
        new("Avoid alcohol.", "Consuma alcohol.", "negation"),
        new("Do **not** drive.", "No **conduzca**.", "negation"),
        new("Take it without food.", "Tómelo con alimentos.", "negation"),
        new("Stop taking ibuprofen.", "Siga tomando ibuprofeno.", "negation"),
        new("See [your doctor](https://example.org/doctor).", "Consulte a [su médico](https://example.org/medico).", "markup"),
        new("Read the *Medication Guide*.", "Lea la Guía del medicamento.", "markup"),
        new("Call your doctor.", "Llame a su médico.<script src=\"https://evil.example/x.js\"></script>", "markup"),
        new("Type `MyChart` in the box.", "Escriba MyChart en el cuadro.", "markup"),
        new("Type `MyChart` in the box.", "Escriba `MiChart` en el cuadro.", "markup"),
        new("Call your doctor.", "Llame a su médico en www.example.org.", "markup"),
        // Apertium splits a link around a word it moves (see docs/apertium.md): the same code twice.
        new("See <pc id=\"1\">your doctor</pc>.", "Vea a <pc id=\"1\">su</pc> <pc id=\"1\">médico</pc>.", "markup", Tagged: true),
        new("Press <ph id=\"1\"/> to call.", "Pulse para llamar.", "markup", Tagged: true),
        new("<pc id=\"1\">Do not</pc> crush the tablet.", "<pc id=\"1\">Triture</pc> la tableta.", "negation", Tagged: true),
        // Real Apertium output: a prohibition that became a "need not", and its marks (see the Engines tests' table).
        new("You must not drink alcohol.", "No tienes que beber alcohol.", "prohibition"),
        new("Call 911 if you have chest pain.", "Llame al 911 si tiene dolor de #cofre.", "machine-mark"),
        new("Drugs have been used since the 1970s.", "Las drogas se usan desde el @1970s.", "machine-mark"),
        new("Read the safety profile.", "Lea el perfildeseguridad.", "glued-word", Analysis: new([
            new("Lea", "leer", ["vblex", "prs", "p3", "sg"], false),
            new("el", "el", ["det", "def", "m", "sg"], false),
            new("perfildeseguridad", "perfildeseguridad", [], true, ["perfil", "de", "seguridad"]),
        ])),
        new("Rest at home.", "  ", "untranslated"),
        new("Take <pc id=\"1\">0.5 mL</pc>.", "Tome <pc id=\"1\">0.5 ml</pc>.", "numbers", Tagged: true),
        new("Take <pc id=\"1\">5 mg</pc>.", "Tome <pc id=\"1\">5 mcg</pc>.", "units", Tagged: true),
        new("Wash your hands often.", "Wash your hands often.", "untranslated"),
        new("Take this medicine with food and water.", "Tome this medicine with food and water.", "untranslated"),
        new("Side effects include nausea.", "Los efectos colaterales incluyen náuseas.", "glossary"),
        new("Side effects include nausea.", "Los efectos de lado incluyen náuseas.", "glossary"),
        new("Take one tablet.", "Tome una pastilla.", "glossary"),
        new("Log in to MyChart.", "Inicie sesión en MiGráfica.", "do-not-translate"),
        new("Ask whether Medicaid covers it.", "Pregunte si medicaid lo cubre.", "do-not-translate"),
    ];
}
