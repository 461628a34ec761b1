using System.Xml;
using System.Xml.Linq;
using Localize.Core.Segments;

namespace Localize.Core.Glossaries;

/// <summary>
/// Reads one language pair's glossary from TBX (TBX-Basic / ISO 30042 2008 <c>termEntry/langSet/tig|ntig</c>, and
/// TBX 2019 <c>conceptEntry/langSec/termSec</c>), one entry at a time. For each concept with terms in both
/// languages: a target term whose <c>administrativeStatus</c> (or <c>normativeAuthorization</c>) is deprecated,
/// superseded or not recommended is <see cref="GlossaryEntryKind.Forbidden"/>, any other target term
/// <see cref="GlossaryEntryKind.Preferred"/>; a target term written exactly as the source term is
/// <see cref="GlossaryEntryKind.DoNotTranslate"/> (a name kept as it is). Concepts without a term in either language
/// are skipped. A language matches its regional variants (<c>es</c> reads <c>es-ES</c>). A DOCTYPE is refused, no
/// resolver fetches anything (see <c>TmxReader</c>), and a term holding a bidi control or a control character is refused.
/// </summary>
public static class TbxReader
{
    public static Glossary Read(Stream stream, string sourceLanguage, string targetLanguage)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            CloseInput = false,
        };
        var entries = new List<GlossaryEntry>();
        using var reader = XmlReader.Create(stream, settings);
        try
        {
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "termEntry" or "conceptEntry")
                {
                    var line = ((IXmlLineInfo)reader).LineNumber;
                    var entry = (XElement)XNode.ReadFrom(reader);
                    entries.AddRange(Entries(entry, sourceLanguage, targetLanguage, line));
                    continue;
                }

                reader.Read();
            }
        }
        catch (XmlException ex)
        {
            var line = ex.LineNumber > 0 ? ex.LineNumber : ((IXmlLineInfo)reader).LineNumber;
            throw new GlossaryFormatException($"line {line}: {Memory.TmxReader.DescribeXmlError(ex)}", line);
        }

        return new Glossary(entries);
    }

    private static IEnumerable<GlossaryEntry> Entries(XElement entry, string sourceLanguage, string targetLanguage, int line)
    {
        var note = entry.Descendants().FirstOrDefault(e => e.Name.LocalName is "descrip" or "note" && e.Parent?.Name.LocalName is "termEntry" or "conceptEntry" or "descripGrp")?.Value.Trim() ?? string.Empty;
        var sources = Terms(entry, sourceLanguage, line).ToList();
        var targets = Terms(entry, targetLanguage, line).ToList();
        foreach (var (source, _) in sources.Where(s => !s.Forbidden))
        {
            foreach (var (target, forbidden) in targets)
            {
                var kind = forbidden ? GlossaryEntryKind.Forbidden
                    : string.Equals(source, target, StringComparison.Ordinal) ? GlossaryEntryKind.DoNotTranslate
                    : GlossaryEntryKind.Preferred;
                yield return new GlossaryEntry(source, target, kind == GlossaryEntryKind.Forbidden && note.Length == 0 ? "forbidden (TBX status)" : note, kind);
            }
        }
    }

    private static IEnumerable<(string Term, bool Forbidden)> Terms(XElement entry, string language, int line)
    {
        foreach (var languageSection in entry.Elements().Where(e => e.Name.LocalName is "langSet" or "langSec"))
        {
            var lang = (string?)languageSection.Attribute(XNamespace.Xml + "lang") ?? string.Empty;
            if (!lang.Equals(language, StringComparison.OrdinalIgnoreCase) && !lang.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var group in languageSection.Descendants().Where(e => e.Name.LocalName is "tig" or "ntig" or "termSec"))
            {
                var term = group.Descendants().FirstOrDefault(e => e.Name.LocalName == "term")?.Value.Trim();
                if (string.IsNullOrEmpty(term))
                {
                    continue;
                }

                if (HiddenCharacters.Find(term) is { } hidden)
                {
                    // The term itself is not quoted: a bidi control would reorder the message around it.
                    throw new GlossaryFormatException($"line {line}: a {lang} term of the entry starting on this line {hidden}", line);
                }

                var status = group.Descendants()
                    .Where(e => e.Name.LocalName is "termNote" or "descrip" && (string?)e.Attribute("type") is "administrativeStatus" or "normativeAuthorization")
                    .Select(e => e.Value.Trim())
                    .FirstOrDefault() ?? string.Empty;
                yield return (term, status.StartsWith("deprecated", StringComparison.OrdinalIgnoreCase)
                    || status.StartsWith("superseded", StringComparison.OrdinalIgnoreCase)
                    || status.StartsWith("notRecommended", StringComparison.OrdinalIgnoreCase)
                    || status.StartsWith("forbidden", StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
