using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Localize.Core.Audit;

namespace Localize.Core.Workflow;

/// <summary>
/// The audit trail is every change record, each linked to the one before it. Records are sealed with an HMAC-SHA256
/// under the <see cref="AuditKey"/> (<see cref="Seal"/>); records written before the key existed keep their plain
/// SHA-256 (<see cref="Hash"/>), and the first keyed record after them seals them in turn, since its MAC covers the hash
/// of the last of them. Changing, removing or inserting a record breaks the chain at that record, and
/// <see cref="Verify(IReadOnlyList{AuditRecord}, AuditKey?)"/> names it; without the key nobody can write a keyed
/// record that verifies.
/// </summary>
public static class AuditChain
{
    /// <summary>The plain SHA-256 a record written before the cut-over carries, given the hash of the record before it.</summary>
    public static string Hash(AuditRecord record, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(record, previousHash))));

    /// <summary>The keyed hash a record carries from the cut-over on: its fields, the row it binds, and the hash before it.</summary>
    public static string Seal(AuditRecord record, string previousHash, AuditKey key) => key.Seal(KeyedCanonical(record, previousHash));

    /// <summary>Whether the record's own hash is the key's seal of it (the record alone, not its place in the chain).</summary>
    public static bool IsSealedBy(AuditRecord record, AuditKey key) =>
        SealedTimes.AsSealed(record.At).Any(at => key.Verifies(KeyedCanonical(record with { At = at }, record.PreviousHash), record.Hash));

    public static bool IsKeyed(AuditRecord record) => AuditKey.KeyIdOf(record.Hash) is not null;

    /// <summary>Walks a trail of plain SHA-256 records (no key) and reports the first record where the chain breaks.</summary>
    public static AuditVerification Verify(IReadOnlyList<AuditRecord> trail) => Verify(trail, null);

    /// <summary>
    /// Walks the trail in id order and reports the first record where the chain breaks. Plain SHA-256 records are
    /// accepted only before the first keyed one: a plain record after it was written by someone without the key.
    /// </summary>
    public static AuditVerification Verify(IReadOnlyList<AuditRecord> trail, AuditKey? key)
    {
        var previous = string.Empty;
        long? previousId = null;
        long? keyedSince = null;
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

            if (AuditKey.KeyIdOf(record.Hash) is { } keyId)
            {
                if (key is null)
                {
                    return AuditVerification.Broken(record.Id, $"record {record.Id} is sealed with audit key {keyId}: verifying it needs that key");
                }

                if (keyId != key.Id)
                {
                    return AuditVerification.Broken(
                        record.Id, $"record {record.Id} names audit key {keyId}, not the configured key {key.Id}: written with another key, or altered");
                }

                if (!IsSealedBy(record, key))
                {
                    return AuditVerification.Broken(record.Id, $"record {record.Id} was altered after it was written");
                }

                keyedSince ??= record.Id;
            }
            else if (keyedSince is { } since)
            {
                return AuditVerification.Broken(
                    record.Id,
                    $"record {record.Id} was altered after it was written: it carries a plain SHA-256 although the trail is keyed since record {since}, so it was rewritten without the key");
            }
            else if (!SealedTimes.AsSealed(record.At).Any(at => Hash(record with { At = at }, previous) == record.Hash))
            {
                return AuditVerification.Broken(record.Id, $"record {record.Id} was altered after it was written");
            }

            previous = record.Hash;
            previousId = record.Id;
        }

        // Every start cuts an unkeyed trail over to keyed records before anything else is written, and every record
        // after that is keyed: a trail whose last record is plain was rewritten by someone without the key.
        if (key is not null && previousId is { } lastId && keyedSince is null)
        {
            return AuditVerification.Broken(
                lastId, $"no record is sealed with the audit key, not even the last ({lastId}): the trail was rewritten without the key");
        }

        var keyed = keyedSince switch
        {
            null => string.Empty,
            1 => ", every record sealed with the audit key",
            var since => $", sealed with the audit key since record {since} (records before it are plain SHA-256, sealed by it)",
        };
        return new AuditVerification(true, null, $"{trail.Count} records, chain intact{keyed}", previous) { KeyedSince = keyedSince, LastId = previousId ?? 0 };
    }

    // One field per line, in a fixed order and invariant formats, so the same record always hashes the same.
    private static string Canonical(AuditRecord record, string previousHash) => string.Join(
        '\n',
        record.Id.ToString(CultureInfo.InvariantCulture),
        record.Subject,
        record.From,
        record.To,
        record.Actor,
        record.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        record.Detail,
        previousHash);

    // The row key and digest are sealed with the record: that is what binds a row's current content to the trail.
    private static string KeyedCanonical(AuditRecord record, string previousHash) =>
        string.Join('\n', Canonical(record, previousHash), record.RowKey, record.RowDigest);
}

/// <summary>One record of the audit trail as stored.</summary>
/// <param name="Subject">What it is about: <c>translation:42</c>, <c>article:es/flu-shots</c> …</param>
public sealed record AuditRecord(long Id, string Subject, string From, string To, string Actor, DateTimeOffset At, string Detail, string PreviousHash, string Hash)
{
    /// <summary>The row this record left behind (<see cref="AuditRows.TranslationKey"/> …); empty when it changed no bound row.</summary>
    public string RowKey { get; init; } = string.Empty;

    /// <summary>The digest of that row right after this record's change (<see cref="AuditRows"/>).</summary>
    public string RowDigest { get; init; } = string.Empty;
}

/// <param name="FirstBrokenId">The first record that was altered, inserted or follows a removal; null when intact.</param>
/// <param name="Head">The hash of the last record: the checkpoints keep it outside the database to detect truncation.</param>
public sealed record AuditVerification(bool IsIntact, long? FirstBrokenId, string Message, string? Head)
{
    /// <summary>The first record sealed with the key; null when none is.</summary>
    public long? KeyedSince { get; init; }

    /// <summary>The id of the last record (0 for an empty trail).</summary>
    public long LastId { get; init; }

    public static AuditVerification Broken(long id, string message) => new(false, id, message, null);
}
