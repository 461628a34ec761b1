namespace Localize.Core.Memory;

/// <summary>
/// Classes of source length, each about 9 % longer than the one before (eight to a doubling). Edit distance is at
/// least the difference of two lengths, so a minimum similarity allows only a band of lengths around the query's; the
/// <see cref="FuzzyIndex"/> keeps postings per class so a search never reads the sources outside that band.
/// </summary>
internal static class LengthClass
{
    /// <summary>Classes in all; the last holds every length from about 30,000 characters on.</summary>
    public const int Count = 96;

    public static int Of(int length) => Math.Min(Count - 1, (int)(8 * Math.Log2(length + 8)) - 24);

    /// <summary>
    /// The first and last class holding lengths that can reach <paramref name="minimum"/> similarity with a query of
    /// <paramref name="queryLength"/> characters: from minimum × length to length / minimum.
    /// </summary>
    public static (int First, int Last) Allowed(int queryLength, double minimum)
    {
        if (minimum <= 0)
        {
            return (0, Count - 1);
        }

        var shortest = (int)Math.Ceiling((minimum * queryLength) - 1e-9);
        var longest = Math.Min(int.MaxValue - 8, Math.Floor((queryLength / minimum) + 1e-9));
        return (Of(Math.Max(0, shortest)), Of((int)longest));
    }
}
