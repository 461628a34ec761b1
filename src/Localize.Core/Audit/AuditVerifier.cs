using Localize.Core.Workflow;

namespace Localize.Core.Audit;

/// <summary>
/// Checks the audit trail three ways: the keyed chain (every record sealed, linked, none missing between two); the
/// checkpoints kept outside the database (the records they name are still there, unchanged, so the trail was neither
/// rewritten nor cut short before them); and the current rows (each translation, signature and publication holds what
/// the last record written for it says). Each disagreement is one line naming the record or the row.
/// </summary>
public sealed class AuditVerifier(IAuditTrailStore store, AuditCheckpointLog checkpoints, AuditKey key)
{
    /// <summary>Marks a translation whose segment left the source: its row is gone on purpose.</summary>
    public const string RetiredDigest = "retired";

    public async Task<AuditReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var (trail, rows) = await store.ReadTrailAndRowsAsync(cancellationToken);
        var chain = AuditChain.Verify(trail, key);
        var problems = new List<string>();
        if (!chain.IsIntact)
        {
            problems.Add($"audit trail broken at record {chain.FirstBrokenId}: {chain.Message}");
        }

        var (anchors, unreadable) = await checkpoints.ReadAsync(cancellationToken);
        problems.AddRange(unreadable);
        problems.AddRange(CheckAnchors(trail, anchors));

        problems.AddRange(CheckRows(trail, rows));
        return new AuditReport(chain, anchors.Count, rows.Count, problems);
    }

    /// <summary>
    /// Why the article × locale must not be published, or null when it may: every translation and its latest signature
    /// must hold what their last records say, and those records must carry the key's seal.
    /// </summary>
    public async Task<string?> WhyNotPublishableAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (row, last) in await store.ReadArticleBindingAsync(slug, locale, cancellationToken))
        {
            if (last is null)
            {
                if (!row.MayBeUnrecorded)
                {
                    problems.Add($"{row.Names} has no audit record: it was written outside the application");
                }
            }
            else if (!AuditChain.IsKeyed(last) || AuditKey.KeyIdOf(last.Hash) != key.Id || !AuditChain.IsSealedBy(last, key))
            {
                problems.Add($"audit record {last.Id} for {row.Names} does not verify with the audit key: the trail was altered");
            }
            else if (!row.IsDescribedBy(last.RowDigest))
            {
                problems.Add(Disagrees(row, last));
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static IEnumerable<string> CheckAnchors(IReadOnlyList<AuditRecord> trail, IReadOnlyList<AuditCheckpoint> anchors)
    {
        var byId = trail.ToDictionary(r => r.Id);
        var last = trail.Count == 0 ? 0 : trail[^1].Id;
        var newest = anchors.Count == 0 ? null : anchors.MaxBy(a => a.Sequence);
        if (newest is not null && newest.Sequence > last)
        {
            yield return $"the trail ends at record {last}, but the checkpoint of {Time(newest.At)} names record {newest.Sequence}: "
                + $"records {last + 1}–{newest.Sequence} were removed";
        }

        // The first checkpoint whose record changed is where the rewrite starts; later ones only repeat it.
        var rewritten = anchors.FirstOrDefault(a => byId.TryGetValue(a.Sequence, out var record) && record.Hash != a.Head);
        if (rewritten is not null)
        {
            yield return $"record {rewritten.Sequence} differs from the checkpoint of {Time(rewritten.At)}: the trail was rewritten at or before it";
        }
    }

    private static IEnumerable<string> CheckRows(IReadOnlyList<AuditRecord> trail, IReadOnlyList<BoundRow> rows)
    {
        var lastByRow = new Dictionary<string, AuditRecord>(StringComparer.Ordinal);
        foreach (var record in trail)
        {
            if (record.RowKey.Length > 0)
            {
                lastByRow[record.RowKey] = record;
            }
        }

        foreach (var row in rows)
        {
            if (!lastByRow.Remove(row.Key, out var last))
            {
                if (!row.MayBeUnrecorded)
                {
                    yield return $"{row.Names} has no audit record: it was written outside the application";
                }
            }
            else if (!row.IsDescribedBy(last.RowDigest))
            {
                yield return Disagrees(row, last);
            }
        }

        // What is left was recorded but is no longer there: only a retired translation may go.
        foreach (var (rowKey, last) in lastByRow.OrderBy(r => r.Value.Id))
        {
            if (last.RowDigest != RetiredDigest)
            {
                yield return $"{rowKey.Replace(":", " row ", StringComparison.Ordinal)} ({last.Subject}) was deleted outside the application: record {last.Id} describes it";
            }
        }
    }

    private static string Disagrees(BoundRow row, AuditRecord last) =>
        $"{row.Names} differs from the audit trail: it was changed outside the application after record {last.Id}";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="Chain">The chain's own verification.</param>
/// <param name="Checkpoints">How many checkpoints were compared.</param>
/// <param name="Rows">How many translation, signature and publication rows were compared.</param>
/// <param name="Problems">One line per disagreement; empty when everything agrees.</param>
public sealed record AuditReport(AuditVerification Chain, int Checkpoints, int Rows, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}
