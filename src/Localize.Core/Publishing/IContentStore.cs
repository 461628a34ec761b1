namespace Localize.Core.Publishing;

/// <summary>
/// Where approved localized versions are published (the <c>translations/</c> folder by default). Writes are atomic:
/// a reader sees the old content or the new, never half a page.
/// </summary>
public interface IContentStore
{
    Task WriteAsync(string path, string content, CancellationToken cancellationToken);

    /// <summary>The content at <paramref name="path"/>, or null when nothing is published there.</summary>
    Task<string?> ReadAsync(string path, CancellationToken cancellationToken);
}

/// <summary>The one rule for where a published version lives: <c>&lt;publish folder&gt;/&lt;locale&gt;/&lt;slug&gt;.md</c>.</summary>
public static class PublishedPath
{
    public static string For(string folder, string locale, string slug) => $"{folder}/{locale}/{slug}.md";
}
