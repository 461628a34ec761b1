namespace Localize.Core.Documents;

/// <summary>
/// The formats registered in DI (Okapi's filter mapper, without its reflection): which one reads a listed file, and
/// which one a stored article was read by.
/// </summary>
public sealed class DocumentFormatRegistry
{
    private readonly IReadOnlyList<IDocumentFormat> _formats;
    private readonly Dictionary<string, IDocumentFormat> _byId = new(StringComparer.Ordinal);

    public DocumentFormatRegistry(IEnumerable<IDocumentFormat> formats)
    {
        _formats = [.. formats];
        foreach (var format in _formats)
        {
            if (!_byId.TryAdd(format.Id, format))
            {
                throw new InvalidOperationException($"two document formats have the id '{format.Id}' ({_byId[format.Id].GetType().Name}, {format.GetType().Name}); ids must be unique");
            }
        }
    }

    public IReadOnlyList<IDocumentFormat> Formats => _formats;

    /// <summary>The format a stored article was read by.</summary>
    public IDocumentFormat Get(string id) =>
        _byId.TryGetValue(id, out var format)
            ? format
            : throw new InvalidOperationException($"no document format '{id}' is registered (known: {string.Join(", ", _byId.Keys)}); was a format removed while articles of it are stored?");

    /// <summary>
    /// The format that reads a listed file: none when any format says it is no source; else the first that reads it,
    /// else the first that reads what no other does (in registration order); else none.
    /// </summary>
    public IDocumentFormat? For(SourceFile file)
    {
        IDocumentFormat? reads = null, fallback = null;
        foreach (var format in _formats)
        {
            switch (format.Claim(file))
            {
                case FileClaim.NotASource:
                    return null;
                case FileClaim.Reads:
                    reads ??= format;
                    break;
                case FileClaim.ReadsIfNoOtherDoes:
                    fallback ??= format;
                    break;
            }
        }

        return reads ?? fallback;
    }
}
