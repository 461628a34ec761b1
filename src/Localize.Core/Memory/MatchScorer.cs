namespace Localize.Core.Memory;

/// <summary>
/// Grades a memory unit against a segment being translated — the industry's scale, made explicit:
/// <list type="bullet">
/// <item>101 in context: the same source (tagged text, codes included), the same previous and next sources (an
/// absent neighbour equals only an absent one), in the same document;</item>
/// <item>100 exact: the same source anywhere else;</item>
/// <item>fuzzy: ⌊similarity × 100⌋ where similarity is 1 − edit distance / longer length over <see cref="MatchText"/>,
/// and only from 75.</item>
/// </list>
/// </summary>
public static class MatchScorer
{
    public const int InContextScore = 101;
    public const int ExactScore = 100;
    public const int MinimumFuzzyScore = 75;

    public static (MemoryMatchKind Kind, int Score)? Grade(MemoryQuery query, MemoryUnit unit)
    {
        if (string.Equals(query.Source, unit.Source, StringComparison.Ordinal))
        {
            var inContext = query.Document is not null
                && string.Equals(query.Document, unit.Document, StringComparison.Ordinal)
                && string.Equals(query.PreviousSource, unit.PreviousSource, StringComparison.Ordinal)
                && string.Equals(query.NextSource, unit.NextSource, StringComparison.Ordinal);
            return inContext ? (MemoryMatchKind.InContext, InContextScore) : (MemoryMatchKind.Exact, ExactScore);
        }

        var score = FuzzyScore(EditDistance.Similarity(MatchText.Of(query.Source), MatchText.Of(unit.Source)));
        return score >= MinimumFuzzyScore ? (MemoryMatchKind.Fuzzy, score) : null;
    }

    /// <summary>Whole percent, rounded down, and never 100 for texts that differ: 100 means identical.</summary>
    public static int FuzzyScore(double similarity) => Math.Min(99, (int)Math.Floor((similarity * 100) + 1e-9));
}
