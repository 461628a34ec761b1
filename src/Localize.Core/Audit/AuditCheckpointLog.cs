using System.Globalization;
using Localize.Core.Publishing;

namespace Localize.Core.Audit;

/// <summary>
/// The trail's head, anchored outside the database: an append-only object in the content store
/// (<see cref="Path"/>: a file beside <c>translations/</c>, or an append blob), one line per checkpoint. Whoever deletes
/// the last records from the database cannot make the trail end before the newest checkpoint without it showing.
/// </summary>
public sealed class AuditCheckpointLog(IContentStore content)
{
    /// <summary>Where the checkpoints live in the content store, beside the publish folders.</summary>
    public const string Path = "audit/checkpoints.log";

    public Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken) =>
        content.AppendLineAsync(Path, checkpoint.ToLine(), cancellationToken);

    /// <summary>Every checkpoint, oldest first, and the lines that are not checkpoints (numbered from 1).</summary>
    public async Task<(IReadOnlyList<AuditCheckpoint> Checkpoints, IReadOnlyList<string> Unreadable)> ReadAsync(CancellationToken cancellationToken)
    {
        var text = await content.ReadAsync(Path, cancellationToken) ?? string.Empty;
        var checkpoints = new List<AuditCheckpoint>();
        var unreadable = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            if (AuditCheckpoint.TryParse(lines[i], out var checkpoint))
            {
                checkpoints.Add(checkpoint);
            }
            else
            {
                unreadable.Add($"{Path} line {i + 1} is not a checkpoint (expected: time, record number and head hash, separated by tabs)");
            }
        }

        return (checkpoints, unreadable);
    }
}

/// <summary>The trail's head at one moment: the last record's number and its keyed hash.</summary>
public sealed record AuditCheckpoint(DateTimeOffset At, long Sequence, string Head)
{
    public string ToLine() => $"{At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\t{Sequence.ToString(CultureInfo.InvariantCulture)}\t{Head}";

    public static bool TryParse(string line, out AuditCheckpoint checkpoint)
    {
        checkpoint = null!;
        var fields = line.TrimEnd('\r').Split('\t');
        if (fields.Length != 3
            || !DateTimeOffset.TryParse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || fields[2].Length == 0)
        {
            return false;
        }

        checkpoint = new AuditCheckpoint(at, sequence, fields[2]);
        return true;
    }
}
