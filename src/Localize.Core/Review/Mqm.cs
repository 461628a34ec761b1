namespace Localize.Core.Review;

/// <summary>
/// MQM (Multidimensional Quality Metrics) error typology as reviewers use it here: the categories an edit or a
/// rejection names, and the severities with their penalty points (MQM 2.0 scoring: minor 1, major 5, critical 25).
/// </summary>
public static class Mqm
{
    public static IReadOnlyList<string> Categories { get; } =
    [
        "accuracy/mistranslation",
        "accuracy/omission",
        "accuracy/addition",
        "accuracy/untranslated",
        "terminology",
        "fluency/grammar",
        "fluency/spelling",
        "fluency/punctuation",
        "style",
        "locale-convention",
        "design/markup",
    ];

    public static bool IsCategory(string category) => Categories.Contains(category, StringComparer.Ordinal);
}

public enum MqmSeverity
{
    Minor = 1,
    Major = 5,
    Critical = 25,
}

/// <summary>One error a reviewer found in a target, by MQM category and severity.</summary>
public sealed record MqmIssue(string Category, MqmSeverity Severity)
{
    /// <summary>Reads the form/CLI words ("accuracy/omission", "major"); null when either is not MQM.</summary>
    public static MqmIssue? Parse(string? category, string? severity) =>
        category is not null && Mqm.IsCategory(category) && Enum.TryParse<MqmSeverity>(severity, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? new MqmIssue(category, parsed)
            : null;

    public override string ToString() => $"MQM {Category}, {Severity.ToString().ToLowerInvariant()}";
}

/// <summary>
/// The MQM quality score of an article in one locale: 100 × (1 − penalty points / source words), floored at 0. A
/// score of 100 means no recorded errors; each critical error on a 250-word article costs 10 points.
/// </summary>
public sealed record MqmScore(int Words, int Minor, int Major, int Critical)
{
    public int Penalty => Minor * (int)MqmSeverity.Minor + Major * (int)MqmSeverity.Major + Critical * (int)MqmSeverity.Critical;

    public double Score => Words == 0 ? 100 : Math.Max(0, 100.0 * (1 - ((double)Penalty / Words)));

    public int Issues => Minor + Major + Critical;

    public static MqmScore From(int words, IEnumerable<MqmSeverity> severities)
    {
        var list = severities.ToArray();
        return new MqmScore(words, list.Count(s => s == MqmSeverity.Minor), list.Count(s => s == MqmSeverity.Major), list.Count(s => s == MqmSeverity.Critical));
    }
}
