using System.Text;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Segments;

namespace Localize.Core.Resx;

/// <summary>
/// The .resx filter (Okapi's sense): every translatable entry of a neutral file is one text unit and one segment
/// (a UI string is translated whole, never split into sentences), its key the unit id; the rest of the file is
/// skeleton. Merging writes a culture file for ResXResourceManager and MSBuild: the neutral file's bytes — declaration,
/// schema, resheaders, comments, entry order and layout — with each translated value spliced in, and no element for an
/// entry that has no translation (invariant, empty, binary), so the runtime falls back to the neutral value.
/// </summary>
public static class ResxFilter
{
    public const string SegmentKind = "resource";

    public static LocalizableDocument Extract(string text)
    {
        var file = ResxReader.Read(text);
        var translatable = file.Entries.Where(e => e.IsTranslatable).ToArray();
        var segments = new SourceSegment[translatable.Length];
        for (var i = 0; i < translatable.Length; i++)
        {
            var (tagged, codes) = ResxValueCodes.Protect(translatable[i].Value);
            segments[i] = new SourceSegment(translatable[i].Name, SegmentKind, tagged, codes);
        }

        return new LocalizableDocument(new Dictionary<string, string>(), segments, targets => Merge(file, translatable, segments, targets));
    }

    private static MergeResult Merge(ResxFile file, ResxEntry[] translatable, SourceSegment[] segments, IReadOnlyList<string> targets)
    {
        var values = new string?[segments.Length];
        var failures = new List<MergeFailure>();
        for (var i = 0; i < segments.Length; i++)
        {
            var target = targets[i];
            if (target is null)
            {
                continue;
            }

            var problems = InlineMarkup.CompareCodes(segments[i].Text, target);
            if (problems.Count > 0)
            {
                failures.Add(new MergeFailure(i, string.Join("; ", problems)));
                continue;
            }

            values[i] = ResxValueCodes.Restore(InlineMarkup.Parse(target), segments[i].Codes);
        }

        if (failures.Count > 0)
        {
            return new MergeResult(null, failures);
        }

        var byEntry = new Dictionary<ResxEntry, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < translatable.Length; i++)
        {
            if (values[i] is { } value)
            {
                byEntry[translatable[i]] = value;
            }
        }

        var text = file.Text;
        var output = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var entry in file.Entries)
        {
            if (byEntry.TryGetValue(entry, out var value))
            {
                output.Append(text, copied, entry.ValueStart - copied);
                var escaped = EscapeValue(value);
                output.Append(entry.ValueIsEmptyTag ? $"<value>{escaped}</value>" : escaped);
                copied = entry.ValueEnd;
                continue;
            }

            // No element for what has no translation; its line goes too, so the file reads as if written by hand.
            var cut = entry.Start;
            while (cut > copied && text[cut - 1] is ' ' or '\t')
            {
                cut--;
            }

            cut -= cut > copied && text[cut - 1] == '\n' ? 1 : 0;
            cut -= cut > copied && text[cut - 1] == '\r' ? 1 : 0;
            output.Append(text, copied, cut - copied);
            copied = entry.End;
        }

        output.Append(text, copied, text.Length - copied);
        return new MergeResult(output.ToString(), []);
    }

    /// <summary>Element content as ResXResourceWriter writes it; a CR is a character reference, or XML would drop it.</summary>
    private static string EscapeValue(string value) =>
        value.AsSpan().IndexOfAny("&<>\r") < 0
            ? value
            : value.Replace("&", "&amp;", StringComparison.Ordinal)
                .Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal)
                .Replace("\r", "&#xD;", StringComparison.Ordinal);
}
