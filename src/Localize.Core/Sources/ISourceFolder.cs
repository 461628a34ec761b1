namespace Localize.Core.Sources;

/// <summary>Where source articles come from (the <c>content/</c> folder by default).</summary>
public interface ISourceFolder
{
    /// <summary>Relative paths (forward slashes) of the files under <paramref name="folder"/> that match the glob.</summary>
    IReadOnlyList<string> List(string folder, string include);

    /// <summary>Reads one file whole; refuses files over <paramref name="maxBytes"/> without reading them.</summary>
    Task<byte[]> ReadAsync(string relativePath, long maxBytes, CancellationToken cancellationToken);
}
