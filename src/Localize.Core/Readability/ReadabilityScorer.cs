using Localize.Core.Checks.Analysis;
using Localize.Core.Languages;

namespace Localize.Core.Readability;

/// <summary>What a readability formula is computed from.</summary>
/// <param name="Letters">Letters of the words, for formulas that count characters (Gulpease).</param>
public sealed record ReadabilityCounts(int Sentences, int Words, int Syllables, int Letters = 0)
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
/// full stop still counts as a sentence). The formula, band and syllable rules are the language pack's
/// (<see cref="Languages.LanguagePack.Readability"/>); a language without a validated formula is not scored, and the
/// band then says so. The formulas below are the published ones the packs use.
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
        var pack = LanguagePacks.For(language);
        var counts = Count(segments, pack);
        if (pack.Readability is not { } rules)
        {
            return new ReadabilityScore(pack.Language, counts, [], ReadabilityVerdict.NotScored, $"no validated formula for {pack.Name}");
        }

        if (counts.Words == 0)
        {
            return new ReadabilityScore(pack.Language, counts, [], ReadabilityVerdict.NotScored, string.Empty);
        }

        var value = rules.Deciding.Compute(counts);
        var indexes = new List<ReadabilityIndex> { new(rules.Deciding.Name, value, rules.Deciding.Interpret(value)) };
        foreach (var formula in rules.AlsoShown)
        {
            var other = formula.Compute(counts);
            indexes.Add(new ReadabilityIndex(formula.Name, other, formula.Interpret(other)));
        }

        return new ReadabilityScore(pack.Language, counts, indexes, rules.Verdict(value), rules.Band);
    }

    public static ReadabilityCounts Count(IEnumerable<string> segments, string language) => Count(segments, LanguagePacks.For(language));

    private static ReadabilityCounts Count(IEnumerable<string> segments, LanguagePack pack)
    {
        var syllablesOf = pack.Readability?.CountSyllables ?? (_ => 1);
        int sentences = 0, words = 0, syllables = 0, letters = 0;
        foreach (var segment in segments)
        {
            var segmentWords = WordTokenizer.Tokenize(segment);
            if (segmentWords.Count == 0)
            {
                continue;
            }

            words += segmentWords.Count;
            syllables += segmentWords.Sum(w => syllablesOf(w.Lower));
            letters += segmentWords.Sum(w => w.End - w.Start);
            sentences += Math.Max(1, SentenceEnds(segment, pack.Punctuation));
        }

        return new ReadabilityCounts(sentences, words, syllables, letters);
    }

    // A sentence ends at . ! ? … (or the language's own marks: 。 ؟) followed by the end or by white space and a word
    // that does not go on in lower case, so "8 a.m. daily" and "1.5" do not end one. Scripts without spaces (Chinese,
    // Japanese) start the next sentence right after their full stop, so a native mark ends one wherever it stands.
    private static int SentenceEnds(string text, Punctuation punctuation)
    {
        var ends = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!punctuation.EndsSentence(text[i]))
            {
                continue;
            }

            var native = punctuation.Canonical(text[i]) != text[i];
            var next = i + 1;
            while (next < text.Length && (punctuation.EndsSentence(text[next]) || text[next] is '"' or '”' or ')' or '」' or '）'))
            {
                next++;
            }

            var after = next;
            while (after < text.Length && char.IsWhiteSpace(text[after]))
            {
                after++;
            }

            if (after == text.Length || native || (after > next && !char.IsLower(text[after])))
            {
                ends++;
                i = next - 1;
            }
        }

        // Text after the last end mark is a sentence too (a heading, a list item without a full stop).
        var tail = text.TrimEnd().TrimEnd('"', '”', ')', '」', '）');
        if (tail.Length > 0 && !punctuation.EndsSentence(tail[^1]))
        {
            ends++;
        }

        return ends;
    }

    public static string EaseBand(double ease) => ease switch
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
