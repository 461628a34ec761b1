using Localize.Core.Checks.Analysis;

namespace Localize.Core.Readability;

/// <summary>What a readability formula is computed from.</summary>
public sealed record ReadabilityCounts(int Sentences, int Words, int Syllables)
{
    public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;

    public double SyllablesPerWord => Words == 0 ? 0 : (double)Syllables / Words;
}

/// <summary>One formula's result, with its name and the scale's reading of it.</summary>
public sealed record ReadabilityIndex(string Name, double Value, string Interpretation);

/// <summary>Where a text stands against the target band for patient material.</summary>
public enum ReadabilityVerdict
{
    /// <summary>Language without formulas here, or no words.</summary>
    NotScored,

    /// <summary>Within the band (English grade 6–8; Spanish INFLESZ 55–65, "normal").</summary>
    InBand,

    /// <summary>Easier than the band: fine for patients, listed so reviewers know.</summary>
    Easier,

    /// <summary>Harder than the band: the article needs plainer language.</summary>
    TooDifficult,
}

/// <param name="Indexes">Every formula for the language, the one that decides the verdict first.</param>
/// <param name="Band">The target band in words, e.g. "grade 6–8".</param>
public sealed record ReadabilityScore(string Language, ReadabilityCounts Counts, IReadOnlyList<ReadabilityIndex> Indexes, ReadabilityVerdict Verdict, string Band);

/// <summary>
/// Readability of an article per locale, for the article page and the dashboard. Pure: it reads the plain text of
/// the article's segments (<see cref="Segments.InlineMarkup.PlainText"/> of each; a heading or list item without a
/// full stop still counts as a sentence).
/// English: Flesch–Kincaid grade (Kincaid et al., 1975) decides against grade 6–8, the band patient-education
/// guidance asks for; Flesch reading ease (Flesch, 1948) is shown too. Spanish: INFLESZ (Barrio-Cantalejo et al.,
/// 2008), which reads the Szigriszt-Pazos perspicuity (1993), decides (≥ 55, "normal" or easier); Fernández-Huerta
/// (1959) is shown too, in Law's (2011) corrected form with words per sentence.
/// </summary>
public sealed class ReadabilityScorer
{
    public const double GradeBandLow = 6;
    public const double GradeBandHigh = 8;
    public const double InfleszMinimum = 55;

    public static double FleschKincaidGrade(ReadabilityCounts c) => (0.39 * c.WordsPerSentence) + (11.8 * c.SyllablesPerWord) - 15.59;

    public static double FleschReadingEase(ReadabilityCounts c) => 206.835 - (1.015 * c.WordsPerSentence) - (84.6 * c.SyllablesPerWord);

    public static double FernandezHuerta(ReadabilityCounts c) => 206.84 - (60 * c.SyllablesPerWord) - (1.02 * c.WordsPerSentence);

    /// <summary>Szigriszt-Pazos perspicuity, the value the INFLESZ scale reads.</summary>
    public static double SzigrisztPazos(ReadabilityCounts c) => 206.835 - (62.3 * c.SyllablesPerWord) - c.WordsPerSentence;

    /// <summary>The INFLESZ reading of a perspicuity value (Barrio-Cantalejo et al., 2008).</summary>
    public static string InfleszBand(double perspicuity) => perspicuity switch
    {
        < 40 => "very difficult",
        < 55 => "somewhat difficult",
        < 65 => "normal",
        <= 80 => "fairly easy",
        _ => "very easy",
    };

    public ReadabilityScore Score(string text, string language) => Score([text], language);

    public ReadabilityScore Score(IEnumerable<string> segments, string language)
    {
        var lang = language.Split('-', '_')[0].ToLowerInvariant();
        var counts = Count(segments, lang);
        if (counts.Words == 0 || lang is not ("en" or "es"))
        {
            return new ReadabilityScore(lang, counts, [], ReadabilityVerdict.NotScored, string.Empty);
        }

        if (lang == "en")
        {
            var grade = FleschKincaidGrade(counts);
            var ease = FleschReadingEase(counts);
            var verdict = grade > GradeBandHigh ? ReadabilityVerdict.TooDifficult
                : grade < GradeBandLow ? ReadabilityVerdict.Easier
                : ReadabilityVerdict.InBand;
            return new ReadabilityScore(lang, counts,
                [new("Flesch–Kincaid grade", grade, $"US school grade {grade:0.#}"), new("Flesch reading ease", ease, EaseBand(ease))],
                verdict, "grade 6–8");
        }

        var perspicuity = SzigrisztPazos(counts);
        var huerta = FernandezHuerta(counts);
        return new ReadabilityScore(lang, counts,
            [new("INFLESZ (Szigriszt-Pazos)", perspicuity, InfleszBand(perspicuity)), new("Fernández-Huerta", huerta, EaseBand(huerta))],
            perspicuity < InfleszMinimum ? ReadabilityVerdict.TooDifficult
                : perspicuity < 65 ? ReadabilityVerdict.InBand
                : ReadabilityVerdict.Easier,
            "INFLESZ ≥ 55");
    }

    public static ReadabilityCounts Count(IEnumerable<string> segments, string language)
    {
        int sentences = 0, words = 0, syllables = 0;
        foreach (var segment in segments)
        {
            var segmentWords = WordTokenizer.Tokenize(segment);
            if (segmentWords.Count == 0)
            {
                continue;
            }

            words += segmentWords.Count;
            syllables += segmentWords.Sum(w => SyllableCounter.Count(w.Lower, language));
            sentences += Math.Max(1, SentenceEnds(segment));
        }

        return new ReadabilityCounts(sentences, words, syllables);
    }

    // A sentence ends at . ! ? … followed by the end or by white space and a word that does not go on in lower
    // case, so "8 a.m. daily" and "1.5" do not end one.
    private static int SentenceEnds(string text)
    {
        var ends = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var next = i + 1;
            while (next < text.Length && text[next] is '.' or '!' or '?' or '"' or '”' or ')')
            {
                next++;
            }

            var after = next;
            while (after < text.Length && char.IsWhiteSpace(text[after]))
            {
                after++;
            }

            if (after == text.Length || (after > next && !char.IsLower(text[after])))
            {
                ends++;
                i = next - 1;
            }
        }

        // Text after the last end mark is a sentence too (a heading, a list item without a full stop).
        var tail = text.TrimEnd().TrimEnd('"', '”', ')');
        if (tail.Length > 0 && tail[^1] is not ('.' or '!' or '?' or '…'))
        {
            ends++;
        }

        return ends;
    }

    private static string EaseBand(double ease) => ease switch
    {
        >= 90 => "very easy",
        >= 80 => "easy",
        >= 70 => "fairly easy",
        >= 60 => "standard",
        >= 50 => "fairly difficult",
        >= 30 => "difficult",
        _ => "very difficult",
    };
}
