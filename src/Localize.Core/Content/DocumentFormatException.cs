namespace Localize.Core.Content;

/// <summary>A source file that cannot be read as a localizable document, with where and why.</summary>
public sealed class DocumentFormatException(string message, int? line = null, string? field = null) : FormatException(message)
{
    public int? Line { get; } = line;

    public string? Field { get; } = field;
}
