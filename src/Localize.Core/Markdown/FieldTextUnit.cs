using System.Text;
using Localize.Core.Content;
using Localize.Core.Segments;
using YamlDotNet.Core;

namespace Localize.Core.Markdown;

/// <summary>A translatable front matter value (title, description …): its YAML token is replaced as a whole.</summary>
internal sealed class FieldTextUnit : TextUnit
{
    private readonly string[] _separators;
    private readonly ScalarStyle _style;

    public FieldTextUnit(FrontMatterField field, int firstSegment, string[] separators)
        : base(field.Start, field.End, firstSegment, separators.Length + 1)
    {
        _separators = separators;
        _style = field.Style;
    }

    public override void AppendTranslated(StringBuilder output, IReadOnlyList<SourceSegment> segments, IReadOnlyList<InlinePart>[] targets, MergeScratch scratch)
    {
        var value = scratch.Value.Clear();
        for (var k = 0; k < SegmentCount; k++)
        {
            if (k > 0)
            {
                var separator = _separators[k - 1];
                value.Append(separator.AsSpan().IndexOfAny('\r', '\n') >= 0 ? " " : separator);
            }

            foreach (var part in targets[FirstSegment + k])
            {
                if (part.Kind == InlinePartKind.Text)
                {
                    value.Append(part.Text);
                }
            }
        }

        var style = _style is ScalarStyle.Literal or ScalarStyle.Folded ? ScalarStyle.DoubleQuoted : _style;
        output.Append(YamlScalarWriter.Write(value.ToString(), style));
    }
}
