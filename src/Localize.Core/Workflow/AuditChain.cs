using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Localize.Core.Workflow;

/// <summary>
/// The audit trail is every change record, each linked to the one before it by a SHA-256 hash chain: changing,
/// removing or inserting a record breaks the chain at that record, and <see cref="Verify"/> names it.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash a record must carry, given the hash of the record before it (empty for the first).</summary>
    public static string Hash(AuditRecord record, string previousHash)
    {
        // One field per line, in a fixed order and invariant formats, so the same record always hashes the same.
        var canonical = string.Join(
            '\n',
            record.Id.ToString(CultureInfo.InvariantCulture),
            record.Subject,
            record.From,
            record.To,
            record.Actor,
            record.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            record.Detail,
            previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the trail in id order and reports the first record where the chain breaks.</summary>
    public static AuditVerification Verify(IReadOnlyList<AuditRecord> trail)
    {
        var previous = string.Empty;
        long? previousId = null;
        foreach (var record in trail)
        {
            if (previousId is { } before && record.Id != before + 1)
            {
                return AuditVerification.Broken(record.Id, $"records {before + 1}–{record.Id - 1} before record {record.Id} were removed");
            }

            if (record.PreviousHash != previous)
            {
                return AuditVerification.Broken(
                    record.Id,
                    previousId is null
                        ? $"record {record.Id} does not start the chain: earlier records were removed"
                        : $"record {record.Id} does not follow record {previousId}: a record was inserted or removed before it");
            }

            if (Hash(record, previous) != record.Hash)
            {
                return AuditVerification.Broken(record.Id, $"record {record.Id} was altered after it was written");
            }

            previous = record.Hash;
            previousId = record.Id;
        }

        return new AuditVerification(true, null, $"{trail.Count} records, chain intact", previous);
    }
}

/// <summary>One record of the audit trail as stored.</summary>
/// <param name="Subject">What it is about: <c>translation:42</c>, <c>article:es/flu-shots</c> …</param>
public sealed record AuditRecord(long Id, string Subject, string From, string To, string Actor, DateTimeOffset At, string Detail, string PreviousHash, string Hash);

/// <param name="FirstBrokenId">The first record that was altered, inserted or follows a removal; null when intact.</param>
/// <param name="Head">The hash of the last record: keep it elsewhere to detect a rewrite of the whole chain.</param>
public sealed record AuditVerification(bool IsIntact, long? FirstBrokenId, string Message, string? Head)
{
    public static AuditVerification Broken(long id, string message) => new(false, id, message, null);
}
