namespace Localize.Core.Markdown;

internal enum AtomKind : byte
{
    /// <summary>Text as written; its source is exactly what a reader sees.</summary>
    Text,

    /// <summary>Markup before the content of a paired code (emphasis, link …).</summary>
    Open,

    /// <summary>Markup after the content of a paired code.</summary>
    Close,

    /// <summary>Markup that stands alone (code span, inline HTML, escape, entity, hard break …).</summary>
    Placeholder,

    /// <summary>The author's line wrapping: the line end, trailing spaces and the next line's container prefix.</summary>
    SoftBreak,
}

/// <summary>One piece of a text unit: a source range [<see cref="Start"/>, <see cref="End"/>) and what it is.</summary>
/// <param name="TitleStart">For the closing markup of a link or image with a translatable title, where the title text
/// (inside its quotes) starts; <see cref="TitleEnd"/> is where it ends. Both 0 otherwise.</param>
internal readonly record struct UnitAtom(AtomKind Kind, int Start, int End, string CodeKind, int TitleStart = 0, int TitleEnd = 0)
{
    public bool HasTitle => TitleEnd > TitleStart;

    public int Length => End - Start;

    public bool IsCode => Kind is AtomKind.Open or AtomKind.Close or AtomKind.Placeholder;
}
