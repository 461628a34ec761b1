using Localize.Core.Checks.Analysis;
using Localize.Core.Segments;

namespace Localize.Core.Checks;

/// <summary>
/// <c>markup</c>: no markup lost, none added, link destinations identical, no raw HTML or script the source lacks.
/// Tagged text: the inline codes must match (<see cref="InlineMarkup.CompareCodes"/>), and no Markdown, HTML or
/// address may appear in the text runs that the source's runs lack (an engine "helpfully" adding a link or a tag).
/// Markdown text: the inventories Markdig's inline parser makes of both sides must be equal — emphasis, strong,
/// links and images with their destinations, code spans with their content, raw HTML, hard breaks, bare addresses.
/// </summary>
public sealed class MarkupCheck : IQualityCheck
{
    public const string CheckId = "markup";

    public string Id => CheckId;

    public Severity Severity => Severity.Error;

    public string Description => "Inline codes and Markdown markup are kept: none lost, none added, links unchanged.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var messages = new List<string>();
        if (context.Form == TextForm.InlineMarkup)
        {
            if (context.Source.CodeError is { } sourceError)
            {
                messages.Add($"the source's inline codes are malformed: {sourceError}");
                return messages;
            }

            messages.AddRange(InlineMarkup.CompareCodes(context.Pair.Source, context.Pair.Target));
        }

        // Markdown that cannot be read cannot be compared: said, so a reviewer fixes it before approving.
        foreach (var (side, markdown) in new[] { ("source", context.Source.Markdown), ("target", context.Target.Markdown) })
        {
            if (markdown.Unreadable is { } why)
            {
                messages.Add($"the {side} cannot be read as Markdown: {why}");
            }
        }

        var source = context.Source.Markdown.Markup;
        var target = context.Target.Markdown.Markup;
        if (source.Count == 0 && target.Count == 0)
        {
            return messages;
        }

        var remaining = source.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var item in target)
        {
            if (remaining.GetValueOrDefault(item) > 0)
            {
                remaining[item]--;
            }
            else
            {
                added.Add(item);
            }
        }

        foreach (var (item, missing) in remaining.Where(r => r.Value > 0))
        {
            messages.Add(missing == 1 ? $"{item} is missing from the target" : $"{item} is missing {missing} times from the target");
        }

        foreach (var item in added.Distinct(StringComparer.Ordinal))
        {
            messages.Add(item.StartsWith("HTML", StringComparison.Ordinal)
                ? $"raw {item} is in the target but not in the source"
                : $"{item} is in the target but not in the source");
        }

        return messages;
    }
}
