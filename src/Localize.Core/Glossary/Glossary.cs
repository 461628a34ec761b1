namespace Localize.Core.Glossaries;

/// <summary>What a glossary entry asks of a translation.</summary>
public enum GlossaryEntryKind
{
    /// <summary>Where the source has the term, the target uses this translation.</summary>
    Preferred,

    /// <summary>This translation of the term must never appear.</summary>
    Forbidden,

    /// <summary>The term stays as it is (brand names, acronyms); its target is empty in the CSV.</summary>
    DoNotTranslate,
}

/// <param name="Target">The translation; for <see cref="GlossaryEntryKind.DoNotTranslate"/> the source term itself.</param>
public sealed record GlossaryEntry(string Source, string Target, string Note, GlossaryEntryKind Kind);

/// <summary>
/// The terminology of one language pair, as the checks (and later the engines) use it. The namespace is plural so
/// the type name <c>Glossary</c> never clashes with it (as in System.Collections).
/// </summary>
public sealed class Glossary
{
    public Glossary(IEnumerable<GlossaryEntry> entries)
    {
        Entries = [.. entries];
        Preferred = [.. Entries.Where(e => e.Kind == GlossaryEntryKind.Preferred)];
        Forbidden = [.. Entries.Where(e => e.Kind == GlossaryEntryKind.Forbidden)];
        DoNotTranslate = [.. Entries.Where(e => e.Kind == GlossaryEntryKind.DoNotTranslate)];
    }

    public static Glossary Empty { get; } = new([]);

    public IReadOnlyList<GlossaryEntry> Entries { get; }

    public IReadOnlyList<GlossaryEntry> Preferred { get; }

    public IReadOnlyList<GlossaryEntry> Forbidden { get; }

    public IReadOnlyList<GlossaryEntry> DoNotTranslate { get; }
}
