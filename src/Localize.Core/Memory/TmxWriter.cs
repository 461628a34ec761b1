using System.Globalization;
using System.Text;
using System.Xml;
using Localize.Core.Segments;

namespace Localize.Core.Memory;

/// <summary>
/// Writes translation memory as TMX 1.4b, one unit at a time (constant memory). Our codes become TMX's:
/// <c>&lt;pc id="n"&gt;…&lt;/pc&gt;</c> → <c>&lt;bpt i="n" x="n"/&gt;…&lt;ept i="n"/&gt;</c>, <c>&lt;ph id="n"/&gt;</c> →
/// <c>&lt;ph x="n"/&gt;</c>, with no native code inside (the source document's skeleton owns it). The context that
/// in-context matches need travels as <c>&lt;prop&gt;</c>s, which <see cref="TmxReader"/> reads back.
/// </summary>
public sealed class TmxWriter : IDisposable
{
    public const string PreviousProp = "x-localize-previous";
    public const string NextProp = "x-localize-next";
    public const string DocumentProp = "x-localize-document";

    private readonly XmlWriter _writer;

    public TmxWriter(Stream stream, string sourceLanguage)
    {
        _writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false });
        _writer.WriteStartDocument();
        _writer.WriteStartElement("tmx");
        _writer.WriteAttributeString("version", "1.4");
        _writer.WriteStartElement("header");
        _writer.WriteAttributeString("creationtool", "Localize");
        _writer.WriteAttributeString("creationtoolversion", "1");
        _writer.WriteAttributeString("segtype", "sentence");
        _writer.WriteAttributeString("o-tmf", "Localize");
        _writer.WriteAttributeString("adminlang", "en");
        _writer.WriteAttributeString("srclang", sourceLanguage);
        _writer.WriteAttributeString("datatype", "xml");
        _writer.WriteEndElement();
        _writer.WriteStartElement("body");
    }

    public void Write(MemoryUnit unit)
    {
        _writer.WriteStartElement("tu");
        _writer.WriteAttributeString("srclang", unit.SourceLanguage);
        if (unit.CreatedBy is { } by)
        {
            _writer.WriteAttributeString("creationid", by);
        }

        if (unit.ChangedAt is { } at)
        {
            _writer.WriteAttributeString("changedate", at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        }

        Prop(PreviousProp, unit.PreviousSource);
        Prop(NextProp, unit.NextSource);
        Prop(DocumentProp, unit.Document);
        Variant(unit.SourceLanguage, unit.Source);
        Variant(unit.TargetLanguage, unit.Target);
        _writer.WriteEndElement();
    }

    public void Dispose()
    {
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndDocument();
        _writer.Dispose();
    }

    private void Prop(string type, string? value)
    {
        if (value is null)
        {
            return;
        }

        _writer.WriteStartElement("prop");
        _writer.WriteAttributeString("type", type);
        _writer.WriteString(value);
        _writer.WriteEndElement();
    }

    private void Variant(string language, string tagged)
    {
        _writer.WriteStartElement("tuv");
        _writer.WriteAttributeString("xml", "lang", null, language);
        _writer.WriteStartElement("seg");
        IReadOnlyList<InlinePart> parts;
        try
        {
            parts = InlineMarkup.Parse(tagged);
        }
        catch (InlineMarkupException)
        {
            // Not our markup (an old import): keep the text as text rather than lose the unit.
            parts = [new InlinePart(InlinePartKind.Text, tagged, 0)];
        }

        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case InlinePartKind.Text:
                    _writer.WriteString(part.Text);
                    break;
                case InlinePartKind.Open:
                    Code("bpt", part.CodeId, true);
                    break;
                case InlinePartKind.Close:
                    Code("ept", part.CodeId, false);
                    break;
                default:
                    Code("ph", part.CodeId, true);
                    break;
            }
        }

        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void Code(string element, int id, bool withX)
    {
        _writer.WriteStartElement(element);
        var number = id.ToString(CultureInfo.InvariantCulture);
        if (element != "ph")
        {
            _writer.WriteAttributeString("i", number);
        }

        if (withX)
        {
            _writer.WriteAttributeString("x", number);
        }

        _writer.WriteEndElement();
    }
}
