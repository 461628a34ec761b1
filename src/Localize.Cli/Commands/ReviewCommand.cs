using System.CommandLine;
using Humanizer;
using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Storage.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Localize.Cli.Commands;

/// <summary><c>localize review list|approve</c>: the review queue for scripts.</summary>
public static class ReviewCommand
{
    public static Command Create(TextReader? standardInput)
    {
        var review = new Command("review", "List the segments waiting for review, or approve them from a script.");
        review.Subcommands.Add(CreateList());
        review.Subcommands.Add(CreateApprove());
        review.Subcommands.Add(CreateSign(standardInput));
        return review;
    }

    private static Command CreateList()
    {
        var locale = new Option<string?>("--locale") { Description = "Only this locale, e.g. es" };
        var article = new Option<string?>("--article") { Description = "Only this article (slug)" };
        var risk = new Option<string?>("--risk")
        {
            Description = "Only segments of this risk class: dose-or-number, prohibition, warning or plain",
        };
        var list = new Command(
            "list",
            "List segments in review, oldest first, with each one's risk class (dose or number, prohibition, warning, plain).\n\n"
            + "Example: localize review list --locale es --risk dose-or-number")
        {
            locale, article, risk,
        };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var articles = services.GetRequiredService<IArticleStore>();
            var riskClass = SegmentRisk.Parse(parseResult.GetValue(risk));
            if (parseResult.GetValue(risk) is { } asked && riskClass is null)
            {
                Console.Error.WriteLine($"--risk '{asked}' is not a risk class; use dose-or-number, prohibition, warning or plain");
                return LocalizeCommandLine.Usage;
            }

            if (parseResult.GetValue(article) is { } slug && await articles.FindArticleAsync(slug, cancellationToken) is null)
            {
                // An empty list would read as "nothing to review" when the slug is misspelt.
                Console.Error.WriteLine($"there is no article '{slug}'; 'localize status' lists the articles");
                return LocalizeCommandLine.Failed;
            }

            var pipelines = services.GetRequiredService<IPipelineCatalog>();
            var items = (await services.GetRequiredService<IReviewQueries>().ListReviewQueueAsync(parseResult.GetValue(locale), parseResult.GetValue(article), cancellationToken))
                .Select(item => (Item: item, Risk: SegmentRisk.Of(item, pipelines)))
                .Where(row => riskClass is null || row.Risk.Class == riskClass)
                .ToArray();
            CliTable.Write(
                ["Id", "Article", "Locale", "#", "Risk", "Source", "Target", "Waiting"],
                items.Select(row => (IReadOnlyList<string>)
                [
                    row.Item.TranslationId.ToString(),
                    row.Item.Slug,
                    row.Item.Locale,
                    (row.Item.Ordinal + 1).ToString(),
                    row.Risk.Label,
                    row.Item.Source.Truncate(40),
                    (row.Item.Target ?? string.Empty).Truncate(40),
                    row.Item.UpdatedAt.Humanize(),
                ]));
            Console.WriteLine($"{"segment".ToQuantity(items.Length)} in review{(riskClass is { } only ? $" with risk {SegmentRisk.LabelOf(only)}" : string.Empty)}");
            return LocalizeCommandLine.Ok;
        });
        return list;
    }

    private static Command CreateApprove()
    {
        var locale = new Option<string>("--locale") { Description = "The locale to approve, e.g. es", Required = true };
        var article = new Option<string>("--article") { Description = "The article (slug) to approve", Required = true };
        var reviewer = new Option<string>("--reviewer") { Description = "The account that approves: an existing reviewer of the locale (recorded in the change history)", Required = true };
        var overrideReason = new Option<string?>("--override") { Description = "Approve despite error findings (not broken inline codes); the reason is recorded in the audit trail. Needs segment ids." };
        var ids = new Argument<long[]>("ids") { Description = "Segment translation ids (from 'review list'); none means every segment of the article in review", Arity = ArgumentArity.ZeroOrMore };
        var approve = new Command(
            "approve",
            "Approve segments in review. Segments with error findings are not approved, nor segments the reviewer edited (four-eyes).\n"
            + "Without ids, a segment with a dose or number or a prohibition is never approved: it is listed, to be approved by its id.\n"
            + "The CLI runs where the database is, so it acts as the named account without a password; approvals are recorded under it.\n\n"
            + "Example: localize review approve --article ketamine-infusions-chronic-migraine --locale es --reviewer ana")
        {
            locale, article, reviewer, overrideReason, ids,
        };
        approve.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var review = services.GetRequiredService<ReviewService>();
            var slug = parseResult.GetRequiredValue(article);
            var localeCode = parseResult.GetRequiredValue(locale);
            var who = await FindReviewerAsync(services, parseResult.GetRequiredValue(reviewer), localeCode, cancellationToken);
            if (who is null)
            {
                return LocalizeCommandLine.Failed;
            }

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
                    catch (Exception ex) when (ex is ReviewRefusedException or ReviewForbiddenException or InvalidTransitionException or ConcurrencyConflictException)
                    {
                        skipped.Add($"{id}: {ex.Message}");
                    }
                }

                result = new BulkApproval(selected.Length - skipped.Count, skipped, []);
            }

            Console.WriteLine($"{"segment".ToQuantity(result.Approved)} approved for {slug} ({localeCode}) by {who}");
            if (result.HeldSummary is { } held)
            {
                // Not a failure: approve-all did what it may. The reviewer reads these and approves each by its id.
                Console.WriteLine($"{held.Transform(To.SentenceCase)}:");
                foreach (var segment in result.Held)
                {
                    Console.WriteLine($"  {segment.TranslationId}: segment {segment.Number}, {segment.Risk.Label} ({segment.Risk.Because})");
                }

                Console.WriteLine($"approve each by id: localize review approve --article {slug} --locale {localeCode} --reviewer {who.Name} {string.Join(' ', result.Held.Select(h => h.TranslationId))}");
            }

            foreach (var refusal in result.Skipped)
            {
                Console.Error.WriteLine($"not approved: {refusal}");
            }

            return result.Skipped.Count == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
        });
        return approve;
    }

    private static Command CreateSign(TextReader? standardInput)
    {
        var locale = new Option<string>("--locale") { Description = "The locale to sign, e.g. es", Required = true };
        var article = new Option<string>("--article") { Description = "The article (slug) to sign", Required = true };
        var reviewer = new Option<string>("--reviewer") { Description = "The signing account: a reviewer of the locale", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the signer's password from the first line of standard input (required: a signature is re-authenticated)", Required = true };
        var sign = new Command(
            "sign",
            $"Sign an article × locale off once every segment is approved: \"{SignOffService.Meaning}\", bound to the SHA-256 of its localized content; publishing needs it.\n\n"
            + "Example: echo \"$PASSWORD\" | localize review sign --article ketamine-infusions-chronic-migraine --locale es --reviewer ana --password-stdin")
        {
            locale, article, reviewer, passwordStdin,
        };
        sign.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var slug = parseResult.GetRequiredValue(article);
            var localeCode = parseResult.GetRequiredValue(locale);
            var name = parseResult.GetRequiredValue(reviewer);
            var password = await CliHost.ReadPasswordAsync(standardInput, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().VerifyPasswordAsync(name, password))
            {
                Console.Error.WriteLine($"not signed: wrong name or password for {name} (repeated failures lock the account)");
                return LocalizeCommandLine.Failed;
            }

            var who = await FindReviewerAsync(services, name, localeCode, cancellationToken);
            if (who is null)
            {
                return LocalizeCommandLine.Failed;
            }

            var signOff = services.GetRequiredService<SignOffService>();
            try
            {
                // The CLI signs what it has just composed; the web form signs the hash the reviewer was shown.
                var status = await signOff.InspectAsync(slug, localeCode, cancellationToken);
                var signature = await signOff.SignAsync(slug, localeCode, who, status.ContentHash ?? string.Empty, cancellationToken);
                Console.WriteLine($"{slug} ({localeCode}) signed by {signature.SignedBy} at {signature.SignedAt:O}: {signature.Meaning}; sha256 {signature.ContentHash}");
                return LocalizeCommandLine.Ok;
            }
            catch (Exception ex) when (ex is ReviewRefusedException or ReviewForbiddenException or ConcurrencyConflictException)
            {
                Console.Error.WriteLine($"not signed: {ex.Message}");
                return LocalizeCommandLine.Failed;
            }
        });
        return sign;
    }

    /// <summary>The named account, if it exists and reviews <paramref name="locale"/>; otherwise says why on stderr.</summary>
    private static Task<ReviewActor?> FindReviewerAsync(IServiceProvider services, string name, string locale, CancellationToken cancellationToken) =>
        CliAccounts.FindAsync(
            services, name, $"--role reviewer --locale {locale}",
            actor => actor.CanApprove(locale)
                ? null
                : $"{name} is not a medical reviewer of {locale} (roles: {string.Join(", ", actor.Roles)}; locales: {string.Join(", ", actor.Locales)})",
            cancellationToken);
}
