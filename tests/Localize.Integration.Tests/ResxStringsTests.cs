using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.Json;
using System.Xml.Linq;
using Localize.Cli;
using Localize.Core.Review;
using Localize.Core.Translation;
using Localize.Core.Workflow;
using Localize.Engines.Pseudo;
using Localize.Integration.Tests.Hostile;
using Localize.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// Interface strings in a neutral .resx go through machine translation, review, sign-off and publishing like an
/// article, and come out as a culture file that MSBuild compiles and ResourceManager reads, with the neutral fallback.
/// </summary>
public sealed class ResxStringsTests
{
    private const string Pipeline = """
        name: site
        source:
          folder: content
          language: en
        locales:
          - code: es
            engine: pseudo
        strings:
          - folder: content/strings
        """;

    private static readonly string[] Translatable = ["LastUpdated", "ReviewedBy", "ReadInEnglish", "OutdatedNotice", "Articles"];

    private static readonly Dictionary<string, string> Spanish = new()
    {
        ["LastUpdated"] = "Última actualización",
        ["ReviewedBy"] = """Revisado por <ph id="1"/>""",
        ["ReadInEnglish"] = """Lea este artículo en <pc id="1">inglés</pc>.""",
        ["OutdatedNotice"] = """El artículo en inglés cambió después de aprobar esta traducción. <pc id="1">Consulte a su médico</pc> antes de seguirlo.""",
        ["Articles"] = "Artículos",
    };

    [Fact]
    public async Task A_neutral_resx_goes_through_translation_review_and_sign_off_to_a_culture_file_resource_manager_reads()
    {
        using var repository = new TestRepository(Pipeline);
        var neutralPath = CopySiteResx(repository);
        var strings = Path.GetDirectoryName(neutralPath)!;
        var engine = new PlaceholderDroppingEngine(new PseudoEngine());
        await using var server = await RunningServer.StartAsync(repository, configureServices: engine.ReplacePseudo);

        // Every entry but the @Invariant ones is a segment in review.
        await Worker.WaitUntilQueuedAsync(server, "site", ["es"]);
        var segments = await server.Store.ListArticleSegmentsAsync("site", "es", default);
        Assert.Equal(Translatable, segments.Select(s => s.UnitId));
        Assert.DoesNotContain(segments, s => s.Source.Contains("Localize Health") || s.Source.Contains("help@example.org"));

        // The engine dropped {0}: the segment waits for a person, with the finding; the markup check says the same of that output.
        var reviewedBy = segments.Single(s => s.UnitId == "ReviewedBy");
        Assert.Contains(reviewedBy.Notes, n => n.Severity == NoteSeverity.Error && n.Message.Contains("placeholder 1 is missing"));
        var checker = server.Services.GetRequiredService<ISegmentChecker>();
        var dropped = checker.Check("en", "es", reviewedBy.Source, "Revisado por", Core.Glossaries.Glossary.Empty);
        Assert.Contains(dropped, n => n.Origin == NoteOrigin.Check("markup") && n.Message.Contains("placeholder 1 is missing"));

        // The reviewer sees each entry's comment as context.
        var manager = await server.ManagerAsync();
        var page = await manager.GetStringAsync("/review/es/site");
        Assert.Contains("is the name of the medical reviewer who signed the translation off", page);
        Assert.Contains("resx-comment", page);

        // A translator edits (an edit that drops the placeholder is refused), a second reviewer approves and signs.
        var review = server.Services.GetRequiredService<ReviewService>();
        var editor = new ReviewActor("Dr. Editor", [Roles.Reviewer], ["es"]);
        var refused = await Assert.ThrowsAsync<ReviewRefusedException>(
            () => review.EditAsync(reviewedBy.TranslationId, editor, "Revisado por", reviewedBy.Version, null, default));
        Assert.Contains("placeholder 1 is missing", refused.Message);
        foreach (var segment in segments)
        {
            await review.EditAsync(segment.TranslationId, editor, Spanish[segment.UnitId], segment.Version, null, default);
        }

        await Worker.ApproveAndWaitForPublicationAsync(server, "site", ["es"], version: 1);
        var culturePath = Path.Combine(strings, "Site.es.resx");
        var culture = await File.ReadAllTextAsync(culturePath);

        // Same header and schema, keys in the neutral order, comments kept, nothing for the invariant keys.
        var neutral = await File.ReadAllTextAsync(neutralPath);
        var headerEnd = neutral.IndexOf("  <data ", StringComparison.Ordinal);
        Assert.Equal(neutral[..headerEnd], culture[..headerEnd]);
        var entries = XDocument.Parse(culture).Root!.Elements("data").ToArray();
        Assert.Equal(Translatable, entries.Select(e => (string)e.Attribute("name")!));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty((string?)e.Element("comment"))));

        // MSBuild compiles both files; ResourceManager returns Spanish for translated keys and falls back for the rest.
        var resources = CompileResources(strings, "Site.resx", "Site.es.resx");
        var manager2 = ResourceManager.CreateFileBasedResourceManager("Site", resources, null);
        var es = CultureInfo.GetCultureInfo("es");
        Assert.Equal("Última actualización", manager2.GetString("LastUpdated", es));
        Assert.Equal("Revisado por {0}", manager2.GetString("ReviewedBy", CultureInfo.GetCultureInfo("es-MX")));
        Assert.Equal("Lea este artículo en <a href=\"{0}\">inglés</a>.", manager2.GetString("ReadInEnglish", es));
        Assert.Equal("Localize Health", manager2.GetString("SiteName", es));
        Assert.Equal("help@example.org", manager2.GetString("SupportEmail", es));
        Assert.Equal("Last updated", manager2.GetString("LastUpdated", CultureInfo.InvariantCulture));
        manager2.ReleaseAllResources();

        // Websites get the same fallback as JSON: es-MX → es → neutral.
        var json = JsonDocument.Parse(await server.Http.GetStringAsync("/api/strings?lang=es-MX")).RootElement;
        Assert.Equal(["es-MX", "es"], json.GetProperty("cultures").EnumerateArray().Select(c => c.GetString()));
        var site = json.GetProperty("resources").GetProperty("Site");
        Assert.Equal("Última actualización", site.GetProperty("LastUpdated").GetString());
        Assert.Equal("Localize Health", site.GetProperty("SiteName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Http.GetAsync("/api/strings?lang=xx-Klingon-Nope")).StatusCode);

        // A changed neutral value goes back through translation and review; the others keep their approval, and the
        // published file stays as signed until the new value is approved and signed.
        await File.WriteAllTextAsync(neutralPath, neutral.Replace("<value>Last updated</value>", "<value>Last reviewed</value>"));
        await Worker.WaitUntilQueuedAsync(server, "site", ["es"], s => s.Single(x => x.UnitId == "LastUpdated").Source == "Last reviewed");
        var after = await server.Store.ListArticleSegmentsAsync("site", "es", default);
        Assert.Equal(SegmentState.InReview, after.Single(s => s.UnitId == "LastUpdated").State);
        Assert.All(after.Where(s => s.UnitId != "LastUpdated"), s => Assert.Equal(SegmentState.Approved, s.State));
        Assert.Equal(culture, await File.ReadAllTextAsync(culturePath));

        // Keys sorted or moved (as ResXResourceManager does) are no change: every entry keeps its state.
        var changedNeutral = await File.ReadAllTextAsync(neutralPath);
        var articles = changedNeutral[changedNeutral.IndexOf("  <data name=\"Articles\"", StringComparison.Ordinal)..(changedNeutral.IndexOf("</root>", StringComparison.Ordinal))];
        var firstData = changedNeutral.IndexOf("  <data ", StringComparison.Ordinal);
        await File.WriteAllTextAsync(neutralPath, changedNeutral[..firstData] + articles + changedNeutral[firstData..].Replace(articles, string.Empty));
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync("site", "es", default))[0].UnitId == "Articles", "the moved key to be taken in");
        var moved = await server.Store.ListArticleSegmentsAsync("site", "es", default);
        Assert.Equal(after.ToDictionary(s => s.UnitId, s => s.State), moved.ToDictionary(s => s.UnitId, s => s.State));

        // A malformed file is one error naming file and line; the other file and its culture file are untouched.
        await File.WriteAllTextAsync(
            Path.Combine(strings, "Broken.resx"),
            "<?xml version=\"1.0\"?>\n<root>\n  <data name=\"A\"><value>x</value></data>\n  <data name=\"A\"><value>y</value></data>\n</root>\n");
        await RunningServer.WaitForAsync(async () => (await server.Store.ListSourceErrorsAsync(default)).Any(e => e.Path == "content/strings/Broken.resx"), "the broken file's error");
        var error = (await server.Store.ListSourceErrorsAsync(default)).Single(e => e.Path == "content/strings/Broken.resx");
        Assert.Equal("content/strings/Broken.resx:4: field 'A': key 'A' is given twice (first at line 3); keys must be unique", error.ToString());
        Assert.Equal(culture, await File.ReadAllTextAsync(culturePath));
        Assert.False(File.Exists(Path.Combine(strings, "Broken.es.resx")));
    }

    /// <summary>The product's own Site.resx, copied into the repository's content/strings folder; its path there.</summary>
    private static string CopySiteResx(TestRepository repository)
    {
        var strings = Path.Combine(repository.Root, "content", "strings");
        Directory.CreateDirectory(strings);
        var neutralPath = Path.Combine(strings, "Site.resx");
        File.Copy(Path.Combine(RepositoryPaths.Root, "content", "strings", "Site.resx"), neutralPath);
        return neutralPath;
    }

    [Fact]
    public async Task A_rollback_puts_the_earlier_signed_culture_file_back()
    {
        using var repository = new TestRepository(Pipeline);
        var neutralPath = CopySiteResx(repository);
        var strings = Path.GetDirectoryName(neutralPath)!;
        await using var server = await RunningServer.StartAsync(repository);
        var review = server.Services.GetRequiredService<ReviewService>();
        var editor = new ReviewActor("Dr. Editor", [Roles.Reviewer], ["es"]);

        // Version 1, then a changed neutral value translated, signed and published as version 2.
        await Worker.WaitUntilQueuedAsync(server, "site", ["es"]);
        foreach (var segment in await server.Store.ListArticleSegmentsAsync("site", "es", default))
        {
            await review.EditAsync(segment.TranslationId, editor, Spanish[segment.UnitId], segment.Version, null, default);
        }

        await Worker.ApproveAndWaitForPublicationAsync(server, "site", ["es"], version: 1);
        var culturePath = Path.Combine(strings, "Site.es.resx");
        var version1 = await File.ReadAllTextAsync(culturePath);
        await File.WriteAllTextAsync(neutralPath, (await File.ReadAllTextAsync(neutralPath)).Replace("<value>Last updated</value>", "<value>Last reviewed</value>"));
        await Worker.WaitUntilQueuedAsync(server, "site", ["es"], s => s.Single(x => x.UnitId == "LastUpdated").Source == "Last reviewed");
        var changed = (await server.Store.ListArticleSegmentsAsync("site", "es", default)).Single(s => s.UnitId == "LastUpdated");
        await review.EditAsync(changed.TranslationId, editor, "Última revisión", changed.Version, null, default);
        await Worker.ApproveAndWaitForPublicationAsync(server, "site", ["es"], version: 2);
        Assert.Contains("Última revisión", await File.ReadAllTextAsync(culturePath));

        // A manager rolls back from the CLI: the culture file is version 1's again, as a new version 3.
        await InProcessCli.AddUserAsync(repository, "maria", "manager", "a long manager passphrase for maria");
        var rollback = await InProcessCli.RunAsync(repository, null, "rollback", "site", "es", "--by", "maria");
        Assert.True(rollback.ExitCode == LocalizeCommandLine.Ok, rollback.Errors);
        Assert.Equal(version1, await File.ReadAllTextAsync(culturePath));
        var latest = (await server.Store.FindLatestPublicationAsync("site", "es", default))!;
        Assert.Equal((3, 1), (latest.Version, latest.RestoredVersion));
    }

    [Theory]
    [InlineData("the worker")]
    [InlineData("localize translate")]
    public async Task Translations_already_in_a_culture_file_are_prefilled_for_review_instead_of_machine_translated(string translatedBy)
    {
        using var repository = new TestRepository(Pipeline);
        var strings = Path.Combine(repository.Root, "content", "strings");
        Directory.CreateDirectory(strings);
        File.Copy(Path.Combine(RepositoryPaths.Root, "content", "strings", "Site.resx"), Path.Combine(strings, "Site.resx"));
        await File.WriteAllTextAsync(Path.Combine(strings, "Site.es.resx"), """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
              <data name="LastUpdated" xml:space="preserve"><value>Última actualización</value></data>
              <data name="ReviewedBy" xml:space="preserve"><value>Revisado por {0}</value></data>
              <data name="ReadInEnglish" xml:space="preserve"><value>Lea este artículo en inglés.</value></data>
              <data name="Retired" xml:space="preserve"><value>Ya no existe</value></data>
            </root>
            """);
        if (translatedBy == "localize translate")
        {
            var translate = await InProcessCli.RunAsync(repository, null, "translate");
            Assert.True(translate.ExitCode == LocalizeCommandLine.Ok, translate.Errors);
        }

        // After the CLI, a host without its worker, only to read what the CLI stored.
        await using var server = await RunningServer.StartAsync(
            repository, new Dictionary<string, string?> { ["Localize:RunWorker"] = translatedBy == "the worker" ? "true" : "false" });
        await Worker.WaitUntilQueuedAsync(server, "site", ["es"]);
        var segments = (await server.Store.ListArticleSegmentsAsync("site", "es", default)).ToDictionary(s => s.UnitId);

        Assert.Equal("Última actualización", segments["LastUpdated"].Target);
        Assert.Equal("""Revisado por <ph id="1"/>""", segments["ReviewedBy"].Target);
        Assert.Contains(segments["LastUpdated"].Notes, n => n.Origin == NoteOrigin.Memory && n.Message.Contains("resx:content/strings/Site.es.resx"));
        Assert.All([segments["LastUpdated"], segments["ReviewedBy"]], s => Assert.Equal(SegmentState.InReview, s.State));

        // A translation that lost the link's tags is no candidate, and keys the culture file lacks go to the engine.
        Assert.Equal("pseudo", segments["ReadInEnglish"].EngineId);
        Assert.Equal("pseudo", segments["Articles"].EngineId);
        Assert.Empty(await server.Store.ListSourceErrorsAsync(default));
    }

    [Fact]
    public async Task A_resx_saved_in_a_strings_folder_outside_the_article_folder_wakes_the_worker()
    {
        using var repository = new TestRepository(Pipeline.Replace("folder: content/strings", "folder: web/strings"));
        var strings = Path.Combine(repository.Root, "web", "strings");
        Directory.CreateDirectory(strings);
        await using var server = await RunningServer.StartAsync(repository, new Dictionary<string, string?> { ["Localize:PollInterval"] = "01:00:00" });
        await Worker.WaitUntilQueuedAsync(server, TestRepository.SeedSlug, ["es"]);

        File.Copy(Path.Combine(RepositoryPaths.Root, "content", "strings", "Site.resx"), Path.Combine(strings, "Site.resx"));

        await Worker.WaitUntilQueuedAsync(server, "site", ["es"], stallSeconds: 30);
    }

    [Fact]
    public async Task The_web_app_chrome_follows_accept_language_through_its_resx_files()
    {
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository);

        async Task<string> PageAsync(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
            if (language is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            using var response = await server.Http.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("Artículos publicados", await PageAsync("es"));
        Assert.Contains("Artículos publicados", await PageAsync("es-MX"));
        Assert.Contains("Published articles", await PageAsync("en-US"));
        Assert.Contains("Published articles", await PageAsync("de"));
        Assert.Contains("Published articles", await PageAsync(null));

        // The review page's chrome for a manager reading Spanish; the content stays as it is.
        await Worker.WaitUntilQueuedAsync(server, TestRepository.SeedSlug, ["es"]);
        var manager = await server.ManagerAsync();
        var spanish = await manager.GetStringAsync($"/review/es/{TestRepository.SeedSlug}", "es-ES,es;q=0.9");
        Assert.Contains("Sesión iniciada como <strong>test-manager</strong>", spanish);
        Assert.Contains("Cerrar sesión", spanish);
        Assert.Contains(">Traducción</th>", spanish);
        Assert.Contains(">Cola de es</a>", spanish);
        var english = await manager.GetStringAsync($"/review/es/{TestRepository.SeedSlug}", "en-GB");
        Assert.Contains("Signed in as <strong>test-manager</strong>", english);
        Assert.Contains(">Translation</th>", english);
        Assert.Contains(">es queue</a>", english);
    }

    /// <summary>Runs MSBuild's own GenerateResource task (what a project build does with a .resx) on the files.</summary>
    private static string CompileResources(string folder, params string[] files)
    {
        var output = Directory.CreateTempSubdirectory("localize-resources-").FullName;
        var project = Path.Combine(output, "resources.proj");
        var items = string.Join("", files.Select(f => $"<GenerateResource Sources=\"{Path.Combine(folder, f)}\" OutputResources=\"{Path.Combine(output, Path.ChangeExtension(f, ".resources"))}\" ExecuteAsTool=\"false\" />"));
        File.WriteAllText(project, $"<Project><Target Name=\"Build\">{items}</Target></Project>");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet, ["msbuild", project, "-nologo", "-v:m", "-nodeReuse:false"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "msbuild did not finish");
        Assert.True(process.ExitCode == 0, $"msbuild failed: {log.Result}");
        return output;
    }

    /// <summary>The real pseudo engine, except that it loses the placeholder of "Reviewed by {0}", as engines sometimes do.</summary>
    private sealed class PlaceholderDroppingEngine(PseudoEngine inner) : ITranslationEngine
    {
        public string Id => inner.Id;

        public EngineCapabilities Capabilities => inner.Capabilities;

        public EngineAvailability CheckAvailability() => inner.CheckAvailability();

        public string? CheckPair(string sourceLanguage, string targetLocale) => inner.CheckPair(sourceLanguage, targetLocale);

        public async Task<EngineBatchResult> TranslateBatchAsync(EngineBatch batch, CancellationToken cancellationToken)
        {
            var result = await inner.TranslateBatchAsync(batch, cancellationToken);
            var outputs = result.Outputs.Select((perLocale, i) => batch.Texts[i].StartsWith("Reviewed by", StringComparison.Ordinal)
                ? (IReadOnlyList<EngineOutput>)[.. perLocale.Select(o => o with { Text = o.Text.Replace("<ph id=\"1\"/>", string.Empty, StringComparison.Ordinal) })]
                : perLocale).ToArray();
            return result with { Outputs = outputs };
        }

        public void ReplacePseudo(IServiceCollection services)
        {
            services.Remove(services.Single(d => d.ServiceType == typeof(ITranslationEngine) && d.ImplementationType == typeof(PseudoEngine)));
            services.AddSingleton<ITranslationEngine>(this);
        }
    }
}
