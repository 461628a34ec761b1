using Localize.Core.Checks.Analysis;
using Localize.Core.Languages;

namespace Localize.Core.Checks;

/// <summary>
/// <c>negation</c>: a negated instruction stays negated and an affirmative one is not negated — in both directions —
/// and emphasis on a negation ("do **not**") is kept on a negation in the target. Cues come from each language's
/// table (not, never, avoid, without … ↔ no, nunca, jamás, ni, evite, sin …); prohibitions, cessations (stop ↔
/// deje de) and limits (no more than ↔ como máximo) are compared by kind, so "do not stop taking" cannot pass as
/// "deje de tomar" nor "no more than 2" as "más de 2". Weak cues ("unless", "hasta") may answer a strong one but
/// are not required to have an answer. Needs: both sides' negation cues.
/// </summary>
public sealed class NegationCheck : IQualityCheck
{
    public const string CheckId = "negation";

    public string Id => CheckId;

    public Severity Severity => Severity.Error;

    public string Description => "A negation (not, never, avoid, without, stop …) is neither lost nor added; its emphasis is kept.";

    public IEnumerable<string> Check(CheckContext context)
    {
        // A language whose pack has no negation forms cannot show a lost negation: say so once (the pack's
        // NotChecked), never raise an error it cannot justify.
        if (context.Source.Pack.Negation.IsEmpty || context.Target.Pack.Negation.IsEmpty)
        {
            yield break;
        }

        var source = context.Source.Negations;
        var target = context.Target.Negations;
        foreach (var kind in Enum.GetValues<NegationKind>())
        {
            var (what, whatNot) = kind switch
            {
                NegationKind.Stop => ("tells the reader to stop", "does not"),
                NegationKind.Limit => ("sets a limit", "does not"),
                _ => ("is negated", "is not"),
            };
            var sourceStrong = source.FirstOrDefault(n => n.Strong && n.Kind == kind);
            if (sourceStrong is not null && !target.Any(n => Answers(n, kind)))
            {
                yield return $"the source {what} (\"{sourceStrong.Text}\") but the target {whatNot}";
            }

            var targetStrong = target.FirstOrDefault(n => n.Strong && n.Kind == kind);
            if (targetStrong is not null && !source.Any(n => Answers(n, kind)))
            {
                yield return $"the target {what} (\"{targetStrong.Text}\") but the source {whatNot}";
            }
        }

        // "Do not stop taking … without asking" has two prohibitions; "Deje de tomar … sin consultar" keeps one (sin) and
        // loses the other, which presence alone cannot see. Where the source forbids a cessation, every prohibition
        // of the source must be counted in the target.
        if (!context.Source.Pack.HasNegativeConcord && NegatedCessation(source) is { } negated)
        {
            var needed = source.Count(n => n.Strong && n.Kind == NegationKind.Not);
            var found = target.Count(n => n.Kind is NegationKind.Not or NegationKind.Limit);
            if (found < needed)
            {
                yield return $"the source tells the reader not to stop (\"{negated}\") but the target has only {found} of its {needed} prohibitions";
            }
        }

        var emphasizedInSource = context.Source.EmphasizedNegations.SelectMany(n => n).FirstOrDefault(n => n.Strong);
        if (emphasizedInSource is not null && target.Count > 0 && !context.Target.EmphasizedNegations.Any(n => n.Count > 0))
        {
            yield return $"the source emphasizes the negation \"{emphasizedInSource.Text}\" but the target does not emphasize its negation";
        }
    }

    private static string? NegatedCessation(IReadOnlyList<NegationMention> cues)
    {
        for (var i = 1; i < cues.Count; i++)
        {
            var (before, stop) = (cues[i - 1], cues[i]);
            if (stop.Kind == NegationKind.Stop && before.Kind == NegationKind.Not && before.Strong && stop.Start - (before.Start + before.Text.Length) <= 2)
            {
                return $"{before.Text} {stop.Text}";
            }
        }

        return null;
    }

    // A limit may be written as a prohibition and a prohibition as a limit: "no more than 2" = "no tome más de 2",
    // "do not exceed 4 doses" = "no más de 4 dosis". A weak prohibition ("unless") does not make a limit.
    private static bool Answers(NegationMention cue, NegationKind required) =>
        cue.Kind == required
        || (required == NegationKind.Not && cue.Kind == NegationKind.Limit)
        || (required == NegationKind.Limit && cue.Kind == NegationKind.Not && cue.Strong);
}
