using Humanizer;

namespace Localize.Core.Dashboard;

/// <summary>
/// The dashboard's counts, sizes and times as people say them, all through Humanizer: "1.2K words", "3 days ago",
/// "due in 2 days", "overdue by 5 hours". The same wording on the web page and in the CLI.
/// </summary>
public static class Humanized
{
    /// <summary>"1 word", "840 words", "1.2K words".</summary>
    public static string Count(int count, string noun) => Count((long)count, noun);

    public static string Count(long count, string noun) =>
        count < 1000 ? noun.ToQuantity(count) : $"{((double)count).ToMetric(decimals: 1).ToUpperInvariant()} {noun.Pluralize()}";

    /// <summary>"due in 2 days", "overdue by 5 hours", "no due date".</summary>
    public static string Due(DateTimeOffset? dueAt, DateTimeOffset now) => dueAt switch
    {
        null => "no due date",
        { } due when due >= now => $"due in {(due - now).Humanize(maxUnit: TimeUnit.Year)}",
        { } due => $"overdue by {(now - due).Humanize(maxUnit: TimeUnit.Year)}",
    };

    /// <summary>"5 hours", "2 weeks": how long something has waited.</summary>
    public static string Age(TimeSpan age) => age.Humanize(maxUnit: TimeUnit.Year);

    /// <summary>"3 days ago".</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now) => at.Humanize(now);

    /// <summary>"12.40 USD": money is written exactly, to the cent.</summary>
    public static string Money(decimal amount, string currency) => $"{amount:0.00} {currency}";
}
