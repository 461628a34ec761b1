using Localize.Core.Readability;

namespace Localize.Core.Tests.Readability;

/// <summary>
/// Sources of the formulas and worked examples:
/// Flesch R. (1948) "A new readability yardstick", J Appl Psychol 32(3):221–233 — reading ease;
/// Kincaid J.P. et al. (1975) "Derivation of new readability formulas … for Navy enlisted personnel", Research
/// Branch Report 8-75 — grade level, whose floor for one-word, one-syllable sentences is −3.40;
/// Fernández Huerta J. (1959) "Medidas sencillas de lecturabilidad", Consigna 214, with the correction (words per
/// sentence, not sentences per 100 words) by Gwillim Law, LINGUIST List 22.2332 (2011);
/// Szigriszt Pazos F. (1993) doctoral thesis, Universidad Complutense — perspicuity
/// P = 206.835 − 62.3·S/W − W/F (as given at legible.es/blog/perspicuidad-szigriszt-pazos);
/// Barrio-Cantalejo I.M. et al. (2008) "Validación de la Escala INFLESZ …", An Sist Sanit Navar 31(2):135–152 —
/// bands 40 / 55 / 65 / 80.
/// The Spanish syllable counts follow the RAE Ortografía (2010) rules on diphthongs, triphthongs and hiatus.
/// </summary>
public sealed class ReadabilityScorerTests
{
    [Fact]
    public void The_platypus_sentence_is_grade_11_3_and_reading_ease_37_5()
    {
        // Wikipedia, "Flesch–Kincaid readability tests": "The Australian platypus is seemingly a hybrid of a mammal
        // and reptilian creature." is counted there as 13 words and 24 syllables, giving 37.5 and grade 11.3.
        var counts = new ReadabilityCounts(1, 13, 24);

        Assert.Equal(37.5, ReadabilityScorer.FleschReadingEase(counts), 1);
        Assert.Equal(11.3, ReadabilityScorer.FleschKincaidGrade(counts), 1);
    }

    [Fact]
    public void The_cat_sat_on_the_mat_scores_116_reading_ease()
    {
        // The same article's example of a very easy sentence: 6 words, 6 syllables, 1 sentence, score 116.
        var score = new ReadabilityScorer().Score("The cat sat on the mat.", "en");

        Assert.Equal(new ReadabilityCounts(1, 6, 6, 17), score.Counts);
        Assert.Equal(116.1, ReadabilityScorer.FleschReadingEase(score.Counts), 1);
        Assert.Equal(-1.45, ReadabilityScorer.FleschKincaidGrade(score.Counts), 2);
    }

    [Fact]
    public void One_syllable_one_word_sentences_reach_the_grade_floor_of_minus_3_40()
    {
        var counts = ReadabilityScorer.Count(["Go. Run. Stop."], "en");

        Assert.Equal(new ReadabilityCounts(3, 3, 3, 9), counts);
        Assert.Equal(-3.40, ReadabilityScorer.FleschKincaidGrade(counts), 2);
    }

    [Fact]
    public void Spanish_formulas_on_a_hand_counted_text()
    {
        // El(1) ni-ño(2) co-me(2) pan(1). La(1) ca-sa(2) es(1) a-zul(2). — 8 words, 12 syllables, 2 sentences.
        var score = new ReadabilityScorer().Score("El niño come pan. La casa es azul.", "es");

        Assert.Equal(new ReadabilityCounts(2, 8, 12, 25), score.Counts);
        Assert.Equal(206.835 - (62.3 * 1.5) - 4, ReadabilityScorer.SzigrisztPazos(score.Counts), 3);
        Assert.Equal(206.84 - (60 * 1.5) - (1.02 * 4), ReadabilityScorer.FernandezHuerta(score.Counts), 3);
        Assert.Equal("INFLESZ (Szigriszt-Pazos)", score.Indexes[0].Name);
        Assert.Equal(ReadabilityVerdict.Easier, score.Verdict);
    }

    [Theory]
    [InlineData(39.9, "very difficult")]
    [InlineData(40, "somewhat difficult")]
    [InlineData(54.9, "somewhat difficult")]
    [InlineData(55, "normal")]
    [InlineData(65, "fairly easy")]
    [InlineData(80, "fairly easy")]
    [InlineData(80.1, "very easy")]
    public void Inflesz_bands_follow_Barrio_Cantalejo(double perspicuity, string band) =>
        Assert.Equal(band, ReadabilityScorer.InfleszBand(perspicuity));

    [Theory]
    // text, language, verdict
    [InlineData("Take your pill with food. Drink a glass of water. Call us if you feel sick.", "en", ReadabilityVerdict.Easier)]
    [InlineData("Hypertension, characterized by persistently elevated arterial pressure, substantially increases cardiovascular morbidity, necessitating comprehensive pharmacological intervention.", "en", ReadabilityVerdict.TooDifficult)]
    [InlineData("Tome la pastilla con comida. Beba un vaso de agua. Llámenos si se siente mal.", "es", ReadabilityVerdict.Easier)]
    [InlineData("La hipertensión arterial, caracterizada por una elevación persistente de la presión sanguínea, incrementa considerablemente la morbilidad cardiovascular, requiriendo intervenciones farmacológicas individualizadas.", "es", ReadabilityVerdict.TooDifficult)]
    [InlineData("", "en", ReadabilityVerdict.NotScored)]
    [InlineData("Uống thuốc sau khi ăn.", "vi", ReadabilityVerdict.NotScored)]
    public void The_verdict_places_a_text_against_the_patient_band(string text, string language, ReadabilityVerdict verdict) =>
        Assert.Equal(verdict, new ReadabilityScorer().Score(text, language).Verdict);

    [Fact]
    public void Segments_without_a_full_stop_count_as_sentences_and_abbreviations_do_not_end_one()
    {
        var counts = ReadabilityScorer.Count(["How to take it", "Take it at 8 a.m. with water.", "Dose is 1.5 mg."], "en");

        Assert.Equal(3, counts.Sentences);
    }
}
