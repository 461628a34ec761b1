using Dapper;
using Localize.Core.Glossaries;
using Localize.Storage.Workflow;

namespace Localize.Storage.Memory;

/// <summary>Glossary terms per language pair, beside the workflow (SQLite or PostgreSQL: the SQL is common to both).</summary>
public sealed class SqlGlossaryStore(LocalizeDatabase database) : IGlossaryStore
{
    public async Task<Glossary> LoadAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var from = LanguagePair.Normalize(sourceLanguage);
        var to = LanguagePair.Normalize(targetLanguage);
        var rows = await connection.QueryAsync<(string Source, string Target, string Note, string Kind)>(new CommandDefinition(
            $"""
            SELECT source_term, target_term, note, kind FROM glossary_terms
            WHERE {LanguagePair.Matches("source_lang", "@from")} AND (target_lang = @to OR @to LIKE target_lang || '-%')
            ORDER BY id
            """,
            new { from, to }, cancellationToken: cancellationToken));
        return new Glossary(rows.Select(r => new GlossaryEntry(r.Source, r.Target, r.Note, Enum.Parse<GlossaryEntryKind>(r.Kind))));
    }

    public async Task<int> ImportAsync(string sourceLanguage, string targetLanguage, Glossary glossary, CancellationToken cancellationToken)
    {
        return await database.InTransactionAsync(
            TransactionKind.Write,
            async (connection, transaction) =>
            {
                var added = 0;
                foreach (var entry in glossary.Entries)
                {
                    var values = new
                    {
                        from = LanguagePair.Normalize(sourceLanguage),
                        to = LanguagePair.Normalize(targetLanguage),
                        entry.Source,
                        entry.Target,
                        entry.Note,
                        kind = entry.Kind.ToString(),
                    };
                    var inserted = await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO glossary_terms (source_lang, target_lang, source_term, target_term, note, kind)
                        VALUES (@from, @to, @Source, @Target, @Note, @kind)
                        ON CONFLICT DO NOTHING
                        """,
                        values,
                        transaction, cancellationToken: cancellationToken));
                    if (inserted == 0)
                    {
                        await connection.ExecuteAsync(new CommandDefinition(
                            "UPDATE glossary_terms SET note = @Note, kind = @kind WHERE source_lang = @from AND target_lang = @to AND source_term = @Source AND target_term = @Target",
                            values,
                            transaction, cancellationToken: cancellationToken));
                    }

                    added += inserted;
                }

                return added;
            },
            cancellationToken);
    }
}
