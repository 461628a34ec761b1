using Localize.Core.Checks;

namespace Localize.Core.Glossaries;

/// <summary>A glossary term found in a piece of source text: where it is, and the entry that says how to translate it.</summary>
public readonly record struct TermSpan(int Start, int Length, GlossaryEntry Entry);

/// <summary>
/// Where a reviewer should look twice: the glossary's preferred and do-not-translate terms in a source text, as the
/// checks match them (whole words; a do-not-translate term letter case included). Overlapping finds keep the longer
/// term ("blood pressure monitor" over "blood pressure").
/// </summary>
public static class GlossaryHighlights
{
    public static IReadOnlyList<TermSpan> Find(Glossary glossary, string text)
    {
        if (glossary.Entries.Count == 0 || text.Length == 0)
        {
            return [];
        }

        var found = new List<TermSpan>();
        foreach (var entry in glossary.Preferred.Concat(glossary.DoNotTranslate))
        {
            var comparison = entry.Kind == GlossaryEntryKind.DoNotTranslate ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            found.AddRange(TermFinder.Occurrences(text, entry.Source, comparison).Select(at => new TermSpan(at, entry.Source.Length, entry)));
        }

        var kept = new List<TermSpan>();
        foreach (var span in found.OrderByDescending(s => s.Length).ThenBy(s => s.Start))
        {
            if (!kept.Any(k => span.Start < k.Start + k.Length && k.Start < span.Start + span.Length))
            {
                kept.Add(span);
            }
        }

        return [.. kept.OrderBy(s => s.Start)];
    }
}
