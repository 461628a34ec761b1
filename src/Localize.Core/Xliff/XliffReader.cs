using System.Globalization;
using System.Text;
using System.Xml;
using Localize.Core.Segments;

namespace Localize.Core.Xliff;

/// <summary>
/// Reads an XLIFF 2.0 file a vendor sends back. Hostile input is refused before anything is read: a DTD (and so every
/// external entity — XXE — and entity expansion — "billion laughs") is prohibited, nothing is resolved, and a document
/// is limited in size. Inline <c>&lt;pc&gt;</c>/<c>&lt;ph&gt;</c> become our inline markup again; any other inline
/// element (<c>&lt;sc&gt;</c>, <c>&lt;mrk&gt;</c> …) is refused, since we never export one. Every refusal is an
/// <see cref="XliffException"/> naming the file, and the unit when there is one.
/// </summary>
public static class XliffReader
{
    /// <summary>Far above any article's XLIFF (articles are at most 16 MB of Markdown).</summary>
    public const long MaxCharacters = 64L * 1024 * 1024;

    public static XliffFile Read(Stream stream, string fileName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var xml = XmlReader.Create(stream, settings);
            return ReadDocument(xml, fileName);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new XliffException($"{fileName}: a DOCTYPE (DTD) is not accepted — XLIFF 2 needs none, and DTDs carry external entities and entity expansion; remove it");
        }
        catch (XmlException ex)
        {
            throw new XliffException($"{fileName}:{ex.LineNumber}: not well-formed XML: {ex.Message}");
        }
    }

    private static XliffFile ReadDocument(XmlReader xml, string fileName)
    {
        xml.MoveToContent();
        if (xml.LocalName != "xliff" || xml.NamespaceURI != XliffWriter.Namespace)
        {
            throw new XliffException($"{fileName}: not an XLIFF 2 document (the root element is <{xml.Name}> in '{xml.NamespaceURI}')");
        }

        if (xml.GetAttribute("version") is not { } version || !version.StartsWith("2.", StringComparison.Ordinal))
        {
            throw new XliffException($"{fileName}: XLIFF version '{xml.GetAttribute("version")}' is not 2.x");
        }

        var sourceLanguage = xml.GetAttribute("srcLang") ?? string.Empty;
        var targetLanguage = xml.GetAttribute("trgLang") ?? throw new XliffException($"{fileName}: the <xliff> element names no trgLang (target locale)");
        string? slug = null, sourceHash = null;
        var units = new List<XliffUnit>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != XliffWriter.Namespace)
            {
                continue;
            }

            if (xml.LocalName == "file")
            {
                if (slug is not null)
                {
                    throw new XliffException($"{fileName}: holds more than one <file>; export and import one article at a time");
                }

                slug = xml.GetAttribute("slug", XliffWriter.LocalizeNamespace) ?? throw new XliffException($"{fileName}: the <file> element has no loc:slug; it was not exported by Localize");
                sourceHash = xml.GetAttribute("sourceHash", XliffWriter.LocalizeNamespace) ?? throw new XliffException($"{fileName}: the <file> element has no loc:sourceHash; it was not exported by Localize");
            }
            else if (xml.LocalName == "unit")
            {
                var unit = ReadUnit(xml, fileName);
                if (!ids.Add(unit.UnitId))
                {
                    // Which of the two targets would win is a guess; the whole file is refused before anything changes.
                    throw new XliffException($"{fileName}, unit '{unit.UnitId}': the unit id is given twice; each unit may appear once");
                }

                units.Add(unit);
            }
        }

        return new XliffFile(fileName, sourceLanguage, targetLanguage, slug ?? throw new XliffException($"{fileName}: holds no <file>"), sourceHash!, units);
    }

    private static XliffUnit ReadUnit(XmlReader xml, string fileName)
    {
        var id = xml.GetAttribute("id") ?? string.Empty;
        var where = $"{fileName}, unit '{id}'";
        if (!id.StartsWith('t') || !long.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var translationId))
        {
            throw new XliffException($"{where}: not a unit Localize exported (ids are t<number>)");
        }

        if (!int.TryParse(xml.GetAttribute("version", XliffWriter.LocalizeNamespace), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new XliffException($"{where}: has no loc:version; it was not exported by Localize");
        }

        string? source = null, target = null;
        var segments = 0;
        using var unit = xml.ReadSubtree();
        while (unit.Read())
        {
            if (unit.NodeType != XmlNodeType.Element || unit.NamespaceURI != XliffWriter.Namespace)
            {
                continue;
            }

            if (unit.LocalName == "segment" && ++segments > 1)
            {
                throw new XliffException($"{where}: was split into several segments; keep one segment per unit");
            }

            if (unit.LocalName == "source")
            {
                source = ReadInline(unit, where);
            }
            else if (unit.LocalName == "target")
            {
                target = ReadInline(unit, where);
            }
        }

        // XML refuses raw control characters, but a bidi control (or its &#x202E; reference) is well-formed text.
        foreach (var (side, text) in new[] { ("source", source), ("target", target) })
        {
            if (text is not null && HiddenCharacters.Find(text) is { } hidden)
            {
                throw new XliffException($"{where}: the {side} {hidden}");
            }
        }

        return new XliffUnit(translationId, id, version, source ?? throw new XliffException($"{where}: has no <source>"), target);
    }

    /// <summary>The content of a source or target as our inline markup (text escaped, codes as tags).</summary>
    private static string ReadInline(XmlReader xml, string where)
    {
        var tagged = new StringBuilder();
        var depth = xml.Depth;
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    tagged.Append(InlineMarkup.Escape(xml.Value));
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == XliffWriter.Namespace && xml.LocalName is "pc" or "ph":
                    var code = CodeId(xml, where);
                    if (xml.LocalName == "ph")
                    {
                        tagged.Append(InlineMarkup.PlaceholderTag(code));
                    }
                    else
                    {
                        tagged.Append(InlineMarkup.OpenTag(code));
                        if (xml.IsEmptyElement)
                        {
                            tagged.Append(InlineMarkup.CloseTag);
                        }
                    }

                    break;
                case XmlNodeType.EndElement when xml.LocalName == "pc":
                    tagged.Append(InlineMarkup.CloseTag);
                    break;
                case XmlNodeType.Element:
                    throw new XliffException($"{where}: inline element <{xml.Name}> is not supported; keep the <pc> and <ph> codes as exported");
            }
        }

        return tagged.ToString();
    }

    private static int CodeId(XmlReader xml, string where) =>
        int.TryParse(xml.GetAttribute("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new XliffException($"{where}: <{xml.LocalName} id=\"{xml.GetAttribute("id")}\"> is not a code Localize exported");
}

/// <summary>An XLIFF file as read: the article and source version it was exported from, and its units.</summary>
public sealed record XliffFile(string FileName, string SourceLanguage, string Locale, string Slug, string SourceHash, IReadOnlyList<XliffUnit> Units);

/// <param name="Version">The translation's version when it was exported: a later edit in Localize makes the unit stale.</param>
public sealed record XliffUnit(long TranslationId, string UnitId, int Version, string Source, string? Target);

/// <summary>A file that cannot be imported, and why (naming the file, and the unit when there is one).</summary>
public sealed class XliffException(string message) : FormatException(message);
