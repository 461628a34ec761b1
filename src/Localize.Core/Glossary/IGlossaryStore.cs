namespace Localize.Core.Glossaries;

/// <summary>
/// The stored glossary of each language pair. A pair <c>en → es-MX</c> also gets the terms stored for <c>en → es</c>:
/// regional terms add to the language's. The embedded default is the SQLite file.
/// </summary>
public interface IGlossaryStore
{
    Task<Glossary> LoadAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken);

    /// <summary>Adds the entries to the pair's glossary; an entry with the same source and target replaces the earlier one. Returns how many were new.</summary>
    Task<int> ImportAsync(string sourceLanguage, string targetLanguage, Glossary glossary, CancellationToken cancellationToken);
}
