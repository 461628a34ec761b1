namespace Localize.Core.Audit;

/// <summary>
/// Times are kept to the microsecond and sealed as kept. Records and rows sealed before that carried a seventh digit
/// of the second (100 ns), which a PostgreSQL database no longer holds since its times became <c>timestamptz</c>
/// (migration 0015 cut each to the microsecond). A time read back to the microsecond therefore stands for the ten it
/// may have been sealed as, and verification accepts a seal over any of them. Nothing else is widened: the seal must
/// still verify, and only the 100 ns digit may differ.
/// </summary>
public static class SealedTimes
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The time itself first (every record sealed since), then, for a time to the microsecond, the nine others.</summary>
    public static IEnumerable<DateTimeOffset> AsSealed(DateTimeOffset stored)
    {
        yield return stored;
        if (stored.UtcTicks % TicksPerMicrosecond == 0)
        {
            for (var ticks = 1; ticks < TicksPerMicrosecond; ticks++)
            {
                yield return stored.AddTicks(ticks);
            }
        }
    }

    /// <summary>Every combination of what two times may have been sealed as (the second may be absent).</summary>
    public static IEnumerable<(DateTimeOffset First, DateTimeOffset? Second)> AsSealed(DateTimeOffset first, DateTimeOffset? second) =>
        from a in AsSealed(first)
        from b in second is { } at ? AsSealed(at).Select(t => (DateTimeOffset?)t) : [null]
        select (a, b);
}
