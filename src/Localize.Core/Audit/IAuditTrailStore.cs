using Localize.Core.Workflow;

namespace Localize.Core.Audit;

/// <summary>Reads the audit trail and the rows it binds, for verification; records are written by the stores that change rows.</summary>
public interface IAuditTrailStore
{
    /// <summary>The last record; null when the trail is empty. One indexed read, for checkpoints.</summary>
    Task<AuditRecord?> ReadHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every record, in id order, and every translation, signature and publication row as it stands with its digest, read
    /// in one snapshot so that work going on meanwhile never looks like tampering.
    /// </summary>
    Task<(IReadOnlyList<AuditRecord> Trail, IReadOnlyList<BoundRow> Rows)> ReadTrailAndRowsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What releases one article × locale: its translations and its latest signature as they stand, each with the last
    /// record written for it (absent when there is none). Reads only those rows and records.
    /// </summary>
    Task<IReadOnlyList<(BoundRow Row, AuditRecord? Last)>> ReadArticleBindingAsync(string slug, string locale, CancellationToken cancellationToken);
}
