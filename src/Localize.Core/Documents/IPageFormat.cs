using Localize.Core.Publishing;

namespace Localize.Core.Documents;

/// <summary>A format whose published versions are pages of the public site (HTML and JSON, in the reader's language).</summary>
public interface IPageFormat : IDocumentFormat
{
    /// <summary>A published (or source) text as the page readers see: title, description, sanitised HTML.</summary>
    PublishedPage RenderPage(string text);
}
