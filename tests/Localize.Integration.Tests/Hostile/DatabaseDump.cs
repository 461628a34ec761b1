using Dapper;

namespace Localize.Integration.Tests.Hostile;

/// <summary>
/// The workflow database as text rows without ids or timestamps, each row led by the article's slug, so two runs can be
/// compared: same articles, segments, states, targets, notes, approvers, change records, publications and errors.
/// The machine-translation cache and usage meter are left out: a retried batch legitimately meters twice.
/// </summary>
public static class DatabaseDump
{
    /// <summary>SQL both databases run (COALESCE, ||), so a run on PostgreSQL compares like one on SQLite.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(TestRepository repository)
    {
        await using var connection = await repository.OpenDatabaseAsync();
        var rows = new List<string>();
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT slug || ' | article | ' || pipeline || ' | ' || source_path || ' | ' || title || ' | ' || source_hash FROM articles"));
        rows.AddRange(await connection.QueryAsync<string>(
            """
            SELECT a.slug || ' | segment ' || s.ordinal || ' | ' || s.unit_id || ' | ' || s.kind || ' | ' || s.source_text
            FROM segments s JOIN articles a ON a.id = s.article_id
            """));
        rows.AddRange(await connection.QueryAsync<string>(
            """
            SELECT a.slug || ' | translation ' || s.ordinal || ' ' || t.locale || ' | ' || t.state || ' | ' || COALESCE(t.target_text, '-')
                   || ' | ' || COALESCE(t.machine_text, '-') || ' | ' || COALESCE(t.engine_id, '-') || ' | ' || t.approvers || ' | ' || t.notes
                   || ' | v' || t.version
            FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
            """));
        rows.AddRange(await connection.QueryAsync<string>(
            """
            SELECT COALESCE(a.slug, '(retired)') || ' | change ' || COALESCE(s.ordinal || ' ' || t.locale, '') || ' | ' || c.from_state || ' -> '
                   || c.to_state || ' | ' || c.actor || ' | ' || c.detail
            FROM changes c LEFT JOIN translations t ON t.id = c.translation_id LEFT JOIN segments s ON s.id = t.segment_id
                 LEFT JOIN articles a ON a.id = s.article_id
            """));
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT slug || ' | publication ' || locale || ' v' || version || ' | ' || content_hash || ' | ' || source_hash || ' | ' || path || ' | ' || published_by FROM publications"));
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT '(source error) | ' || path || ':' || COALESCE(CAST(line AS TEXT), '') || ' | ' || COALESCE(field, '') || ' | ' || message FROM source_errors"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Every published file under <c>translations/</c> with its bytes, to prove nothing disappeared or changed.</summary>
    public static IReadOnlyDictionary<string, byte[]> PublishedFiles(string root)
    {
        var folder = Path.Combine(root, "translations");
        // The live pages only: .versions/ keeps every numbered version for rollback.
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).StartsWith(".versions", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);
    }
}
