using Localize.Core.Segments;
using Localize.Core.Workflow;
using Localize.Testing;
using Emulator = Localize.TranslatorEmulator.TranslatorEmulator;

namespace Localize.Integration.Tests;

/// <summary>
/// The glossary inside machine translation, through the running host: a preferred term ("ketamine" → "ketamina")
/// imported with the CLI is in what Apertium and Azure (the loopback emulator) return, and the reviewer reads on the
/// segment which terms the engine was made to use.
/// </summary>
public sealed class GlossaryInMachineTranslationTests
{
    private const string Slug = "glossary-in-mt";
    private const string Reviewer = "test-reviewer";
    private const string Password = "a long test passphrase";

    private const string Article = """
        ---
        title: "Ketamine for migraine"
        slug: glossary-in-mt
        ---

        Ketamine is an anaesthetic that is also used for pain.

        At low doses, ketamine is given as an infusion.

        Drink water after the infusion.
        """;

    private static string Pipeline(string engine) => TestRepository.OneLocalePipeline("es", engine);

    [Theory]
    [InlineData("apertium")]
    [InlineData("azure")]
    public async Task A_preferred_glossary_term_is_in_the_machine_output_and_named_on_the_segment(string engine)
    {
        if (engine == "apertium")
        {
            Requirements.Apertium();
        }

        await using var emulator = await Emulator.StartAsync();
        using var repository = new TestRepository(Pipeline(engine));
        File.Delete(repository.SourcePath(TestRepository.SeedSlug + ".md"));
        await File.WriteAllTextAsync(repository.SourcePath(Slug + ".md"), Article);
        var glossary = Path.Combine(repository.Root, "glossary.csv");
        await File.WriteAllTextAsync(glossary, "source,target,note\nketamine,ketamina,\n");
        var import = await InProcessCli.RunAsync(repository, null, ["glossary", "import", glossary, "--from", "en", "--to", "es"]);
        Assert.True(import.ExitCode == 0, import.Errors);
        await InProcessCli.AddUserAsync(repository, Reviewer, "reviewer", Password, "es");
        await using var server = await RunningServer.StartAsync(repository, DashboardTests.Settings(emulator));

        await RunningServer.WaitForAsync(
            async () => await server.Store.ListArticleSegmentsAsync(Slug, "es", default) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "every es segment in review");
        var segments = await server.Store.ListArticleSegmentsAsync(Slug, "es", default);
        var withTerm = segments.Where(s => s.Source.Contains("ketamine", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.Equal(3, withTerm.Length);
        Assert.All(withTerm, s =>
        {
            Assert.Equal(engine, s.EngineId);
            Assert.Contains("ketamina", s.Target, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ketamine", s.Target, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(s.Notes, n => n.Severity == NoteSeverity.Info && n.Message == "glossary term enforced: " + (s.Source.Contains("Ketamine") ? "Ketamine → Ketamina" : "ketamine → ketamina"));
            Assert.DoesNotContain(s.Notes, n => n.Origin.Name == "glossary");
        });
        Assert.All(segments.Except(withTerm), s => Assert.DoesNotContain(s.Notes, n => n.Message.StartsWith("glossary term enforced", StringComparison.Ordinal)));

        using var reviewer = await ReviewerClient.SignInAsync(server, Reviewer, Password);
        var page = System.Net.WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/review/es/{Slug}"));
        Assert.Contains("glossary term enforced: ketamine → ketamina", page);
        Assert.Contains(InlineMarkup.PlainText(withTerm[^1].Target!), page);
    }
}
