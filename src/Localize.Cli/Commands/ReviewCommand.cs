using System.CommandLine;
using Humanizer;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Localize.Cli.Commands;

/// <summary><c>localize review list|approve</c>: the review queue for scripts.</summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var review = new Command("review", "List the segments waiting for review, or approve them from a script.");
        review.Subcommands.Add(CreateList());
        review.Subcommands.Add(CreateApprove());
        return review;
    }

    private static Command CreateList()
    {
        var locale = new Option<string?>("--locale") { Description = "Only this locale, e.g. es" };
        var article = new Option<string?>("--article") { Description = "Only this article (slug)" };
        var list = new Command("list", "List segments in review, oldest first.\n\nExample: localize review list --locale es")
        {
            locale, article,
        };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var store = services.GetRequiredService<IWorkflowStore>();
            var items = await store.ListReviewQueueAsync(parseResult.GetValue(locale), parseResult.GetValue(article), cancellationToken);
            CliTable.Write(
                ["Id", "Article", "Locale", "#", "Source", "Target", "Waiting"],
                items.Select(item => (IReadOnlyList<string>)
                [
                    item.TranslationId.ToString(),
                    item.Slug,
                    item.Locale,
                    (item.Ordinal + 1).ToString(),
                    item.Source.Truncate(40),
                    (item.Target ?? string.Empty).Truncate(40),
                    item.UpdatedAt.Humanize(),
                ]));
            Console.WriteLine($"{"segment".ToQuantity(items.Count)} in review");
            return LocalizeCommandLine.Ok;
        });
        return list;
    }

    private static Command CreateApprove()
    {
        var locale = new Option<string>("--locale") { Description = "The locale to approve, e.g. es", Required = true };
        var article = new Option<string>("--article") { Description = "The article (slug) to approve", Required = true };
        var reviewer = new Option<string>("--reviewer") { Description = "Who approves (recorded in the change history)", Required = true };
        var overrideReason = new Option<string?>("--override") { Description = "Approve despite error findings (not broken inline codes); the reason is recorded in the audit trail. Needs segment ids." };
        var ids = new Argument<long[]>("ids") { Description = "Segment translation ids (from 'review list'); none means every segment of the article in review", Arity = ArgumentArity.ZeroOrMore };
        var approve = new Command(
            "approve",
            "Approve segments in review. Segments with error findings are not approved.\n\nExample: localize review approve --article ketamine-infusions-chronic-migraine --locale es --reviewer \"Dr. Ana Ruiz\"")
        {
            locale, article, reviewer, overrideReason, ids,
        };
        approve.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var review = services.GetRequiredService<ReviewService>();
            var who = parseResult.GetRequiredValue(reviewer);
            var slug = parseResult.GetRequiredValue(article);
            var localeCode = parseResult.GetRequiredValue(locale);
            var selected = parseResult.GetValue(ids) ?? [];
            var reason = parseResult.GetValue(overrideReason);
            BulkApproval result;
            if (selected.Length == 0 && reason is not null)
            {
                Console.Error.WriteLine("--override needs the ids of the segments it applies to: an override is a decision about one segment, not a batch");
                return LocalizeCommandLine.Usage;
            }

            if (selected.Length == 0)
            {
                result = await review.ApproveAllAsync(slug, localeCode, who, cancellationToken);
            }
            else
            {
                var skipped = new List<string>();
                foreach (var id in selected)
                {
                    try
                    {
                        await review.ApproveAsync(id, who, null, reason, cancellationToken);
                    }
                    catch (Exception ex) when (ex is ReviewRefusedException or InvalidTransitionException or ConcurrencyConflictException)
                    {
                        skipped.Add($"{id}: {ex.Message}");
                    }
                }

                result = new BulkApproval(selected.Length - skipped.Count, skipped);
            }

            Console.WriteLine($"{"segment".ToQuantity(result.Approved)} approved for {slug} ({localeCode}) by {who}");
            foreach (var refusal in result.Skipped)
            {
                Console.Error.WriteLine($"not approved: {refusal}");
            }

            return result.Skipped.Count == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
        });
        return approve;
    }
}
