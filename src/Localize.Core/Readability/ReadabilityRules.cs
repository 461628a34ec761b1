namespace Localize.Core.Readability;

/// <summary>One published readability index: its name, how it is computed and how its scale reads a value.</summary>
public sealed record ReadabilityFormula(string Name, Func<ReadabilityCounts, double> Compute, Func<double, string> Interpret);

/// <summary>
/// A language's readability for patient material, as its pack holds it: the formula that decides the verdict, any
/// shown beside it, the target band and how words are cut into syllables.
/// </summary>
public sealed record ReadabilityRules
{
    public required ReadabilityFormula Deciding { get; init; }

    public IReadOnlyList<ReadabilityFormula> AlsoShown { get; init; } = [];

    /// <summary>Where a value of the deciding formula stands against the band.</summary>
    public required Func<double, ReadabilityVerdict> Verdict { get; init; }

    /// <summary>The target band in words, e.g. "grade 6–8", "Kandel–Moles ≥ 60".</summary>
    public required string Band { get; init; }

    public required Func<string, int> CountSyllables { get; init; }

    /// <summary>A reading-ease scale (higher is easier) whose target is at least <paramref name="minimum"/>.</summary>
    public static ReadabilityRules Ease(string name, Func<ReadabilityCounts, double> compute, double minimum, Func<string, int> syllables) => new()
    {
        Deciding = new ReadabilityFormula(name, compute, ReadabilityScorer.EaseBand),
        Verdict = value => value < minimum ? ReadabilityVerdict.TooDifficult : value < minimum + 10 ? ReadabilityVerdict.InBand : ReadabilityVerdict.Easier,
        Band = $"{name} ≥ {minimum}",
        CountSyllables = syllables,
    };
}
