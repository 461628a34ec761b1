namespace Localize.Core.Resx;

/// <summary>One <c>&lt;data&gt;</c> element of a .resx file, with where it stands in the text so a culture file can be
/// spliced from the neutral one without re-serialising it.</summary>
/// <param name="Line">Line of the <c>&lt;data</c> tag (1-based), for errors.</param>
/// <param name="IsString">A plain string resource (no <c>type</c> other than System.String, no <c>mimetype</c>):
/// images, file references and serialised objects are never translated.</param>
/// <param name="Start">Offset of the <c>&lt;data</c> tag's <c>&lt;</c>.</param>
/// <param name="End">Offset just after the element's closing <c>&gt;</c>.</param>
/// <param name="ValueStart">Offset where the value's content starts (for an empty <c>&lt;value/&gt;</c>, of its tag).</param>
/// <param name="ValueEnd">Offset where the value's content ends (for an empty <c>&lt;value/&gt;</c>, after its tag).</param>
/// <param name="ValueIsEmptyTag">The value was written <c>&lt;value /&gt;</c>, so a splice writes the whole element.</param>
public sealed record ResxEntry(
    string Name,
    string Value,
    string? Comment,
    int Line,
    bool IsString,
    int Start,
    int End,
    int ValueStart,
    int ValueEnd,
    bool ValueIsEmptyTag)
{
    /// <summary>ResXResourceManager's convention: a comment containing <c>@Invariant</c> marks a value that is the same in
    /// every language (a brand, a URL, a format string); it is never translated.</summary>
    public const string InvariantMarker = "@Invariant";

    public bool IsInvariant => Comment?.Contains(InvariantMarker, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Entries named <c>&gt;&gt;…</c> are WinForms designer metadata, hidden by ResXResourceManager too.</summary>
    public bool IsDesignerMetadata => Name.StartsWith(">>", StringComparison.Ordinal);

    /// <summary>A string a program looks up by key: what a website is served, translated or not.</summary>
    public bool IsUserString => IsString && !IsDesignerMetadata;

    public bool IsTranslatable => IsUserString && !IsInvariant && !string.IsNullOrWhiteSpace(Value);

    /// <summary>The comment as the reviewer sees it beside the source (the author's context); null when there is none.</summary>
    public string? ReviewerNote => string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
}
