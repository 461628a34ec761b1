using System.Text;
using System.Xml;
using Localize.Core.Segments;
using Localize.Core.Workflow;

namespace Localize.Core.Xliff;

/// <summary>
/// Writes the segments of one article × locale as an XLIFF 2.0 core document for an outside vendor. Needs: the
/// article's segments (<see cref="ReviewItem"/>) and the source version they belong to. Produces: one
/// <c>&lt;file&gt;</c> naming the article and its source version, one <c>&lt;unit&gt;</c> per segment (id
/// <c>t&lt;translation id&gt;</c>, the translation's version to detect later edits), inline codes as
/// <c>&lt;pc&gt;</c>/<c>&lt;ph&gt;</c> (our inline markup is XLIFF 2's), and notes with the check findings and the
/// neighbouring sentences as context. Only segments in review or rejected are written — those a translator can edit:
/// approved ones are done, and those still waiting for the machine come with a later export.
/// </summary>
public static class XliffWriter
{
    public const string Namespace = "urn:oasis:names:tc:xliff:document:2.0";

    /// <summary>Our own attributes (allowed by the core schema's <c>##other</c> extension points).</summary>
    public const string LocalizeNamespace = "urn:localize:xliff:1";

    public static string Write(XliffArticle article)
    {
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("xliff", Namespace);
            xml.WriteAttributeString("xmlns", "loc", null, LocalizeNamespace);
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("srcLang", article.SourceLanguage);
            xml.WriteAttributeString("trgLang", article.Locale);
            xml.WriteStartElement("file", Namespace);
            xml.WriteAttributeString("id", "f1");
            xml.WriteAttributeString("original", article.SourcePath);
            xml.WriteAttributeString("loc", "slug", LocalizeNamespace, article.Slug);
            xml.WriteAttributeString("loc", "sourceHash", LocalizeNamespace, article.SourceHash);
            WriteNotes(xml, [("title", article.Title), ("instructions", "Translate the targets. Keep every <pc> and <ph> code; move them as the sentence needs. Imported targets go to a medical reviewer.")]);
            var segments = article.Segments;
            for (var i = 0; i < segments.Count; i++)
            {
                var segment = segments[i];
                if (!IsEditable(segment.State))
                {
                    continue;
                }

                xml.WriteStartElement("unit", Namespace);
                xml.WriteAttributeString("id", $"t{segment.TranslationId}");
                xml.WriteAttributeString("name", segment.UnitId);
                xml.WriteAttributeString("loc", "version", LocalizeNamespace, segment.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var notes = segment.Notes.Select(n => (Origin: n.Origin.ToString(), $"{n.Severity.ToString().ToLowerInvariant()}: {n.Message}")).ToList();
                if (i > 0)
                {
                    notes.Add(("context:previous", InlineMarkup.PlainText(segments[i - 1].Source)));
                }

                if (i < segments.Count - 1)
                {
                    notes.Add(("context:next", InlineMarkup.PlainText(segments[i + 1].Source)));
                }

                WriteNotes(xml, notes);
                xml.WriteStartElement("segment", Namespace);
                xml.WriteAttributeString("id", "s1");
                xml.WriteAttributeString("state", "translated");
                WriteInline(xml, "source", segment.Source);
                WriteInline(xml, "target", segment.Target ?? string.Empty);

                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>The states an edit can start from (see <see cref="SegmentTranslation.Edit"/>), approved aside.</summary>
    public static bool IsEditable(SegmentState state) => state is SegmentState.InReview or SegmentState.Rejected;

    private static void WriteNotes(XmlWriter xml, IReadOnlyList<(string Category, string Text)> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("notes", Namespace);
        foreach (var (category, text) in notes)
        {
            xml.WriteStartElement("note", Namespace);
            xml.WriteAttributeString("category", category);
            xml.WriteString(text);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Our inline markup, element by element: text escaped by the writer, codes as XLIFF elements.</summary>
    private static void WriteInline(XmlWriter xml, string element, string tagged)
    {
        xml.WriteStartElement(element, Namespace);
        foreach (var part in InlineMarkup.Parse(tagged))
        {
            switch (part.Kind)
            {
                case InlinePartKind.Text:
                    xml.WriteString(part.Text);
                    break;
                case InlinePartKind.Open:
                    xml.WriteStartElement("pc", Namespace);
                    xml.WriteAttributeString("id", part.CodeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case InlinePartKind.Close:
                    xml.WriteEndElement();
                    break;
                case InlinePartKind.Placeholder:
                    xml.WriteStartElement("ph", Namespace);
                    xml.WriteAttributeString("id", part.CodeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    xml.WriteEndElement();
                    break;
            }
        }

        xml.WriteEndElement();
    }
}

/// <summary>What an export covers: one article in one locale, at one source version.</summary>
public sealed record XliffArticle(string Slug, string Title, string SourcePath, string SourceHash, string SourceLanguage, string Locale, IReadOnlyList<ReviewItem> Segments);
