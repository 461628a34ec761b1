using Localize.Core.Segments;
using Localize.Core.Workflow;

namespace Localize.Core.Xliff;

/// <summary>
/// Decides, before anything is written, what an XLIFF file returned by a vendor may change: every unit must belong to
/// the article and locale the file names, at the source version it was exported from, unchanged in Localize since, with
/// its inline codes intact. One problem anywhere refuses the whole file (nothing half-imported); otherwise each changed
/// target becomes an edit, which goes to review like any other edit — never straight to approved.
/// </summary>
public static class XliffImportPlan
{
    /// <param name="article">The article the file names, as stored now; null when there is no such article.</param>
    /// <param name="segments">Its segments in the file's locale, as stored now.</param>
    public static ImportPlan Make(XliffFile file, StoredArticle? article, IReadOnlyList<ReviewItem> segments)
    {
        var name = file.FileName;
        if (article is null)
        {
            return ImportPlan.Refused($"{name}: article '{file.Slug}' does not exist here; was the file exported from another installation?");
        }

        if (segments.Count == 0)
        {
            return ImportPlan.Refused($"{name}: article '{file.Slug}' is not translated into '{file.Locale}' (trgLang); check the file's target locale");
        }

        if (article.SourceHash != file.SourceHash)
        {
            return ImportPlan.Refused(
                $"{name}: the English source of '{file.Slug}' changed since this file was exported (exported from {Short(file.SourceHash)}, now {Short(article.SourceHash)}); export it again and send the vendor the new file");
        }

        var byId = segments.ToDictionary(s => s.TranslationId);
        var problems = new List<string>();
        var edits = new List<XliffEdit>();
        foreach (var unit in file.Units)
        {
            var where = $"{name}, unit '{unit.UnitId}'";
            if (!byId.TryGetValue(unit.TranslationId, out var segment))
            {
                problems.Add($"{where}: not a segment of '{file.Slug}' in {file.Locale}");
                continue;
            }

            if (segment.Source != unit.Source)
            {
                problems.Add($"{where}: its source is not the article's (stale or edited source): expected \"{InlineMarkup.PlainText(segment.Source)}\"");
                continue;
            }

            if (string.IsNullOrWhiteSpace(unit.Target) || unit.Target == segment.Target)
            {
                continue;
            }

            if (segment.Version != unit.Version)
            {
                problems.Add($"{where}: changed in Localize since the export (version {segment.Version}, the file has {unit.Version}); export again so the vendor sees the current target");
                continue;
            }

            if (segment.State == SegmentState.Approved)
            {
                problems.Add($"{where}: already approved; it is not changed by an import");
                continue;
            }

            if (!XliffWriter.IsEditable(segment.State))
            {
                problems.Add($"{where}: its source changed and it waits for machine translation in Localize ({segment.State}); export again after the next run");
                continue;
            }

            var codes = InlineMarkup.CompareCodes(segment.Source, unit.Target);
            if (codes.Count > 0)
            {
                problems.Add($"{where}: the target's inline codes do not match the source: {string.Join("; ", codes)}");
                continue;
            }

            edits.Add(new XliffEdit(segment.TranslationId, segment.Version, unit.Target));
        }

        return problems.Count > 0 ? new ImportPlan([], problems) : new ImportPlan(edits, []);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}

/// <summary>Either edits to make (no problems) or the problems that refuse the file (no edits).</summary>
public sealed record ImportPlan(IReadOnlyList<XliffEdit> Edits, IReadOnlyList<string> Problems)
{
    public static ImportPlan Refused(string problem) => new([], [problem]);
}

/// <param name="Version">The translation's version the edit is based on: a save by someone else meanwhile is refused.</param>
public sealed record XliffEdit(long TranslationId, int Version, string Target);
