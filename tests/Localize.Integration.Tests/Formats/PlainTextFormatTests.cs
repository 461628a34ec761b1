using System.Text.Json;
using Localize.Core.Documents;
using Localize.Core.Segments;
using Localize.Integration.Tests.Hostile;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests.Formats;

/// <summary>
/// A format needs nothing but its class and its registration: a plain-text leaflet, a format the product does not
/// ship, goes through the real worker's intake, machine translation, review, sign-off and publishing to a page of the
/// public site, and the review page names its segments as the format says.
/// </summary>
public sealed class PlainTextFormatTests
{
    private const string Slug = "inhaler-leaflet";

    private const string Pipeline = """
        name: leaflets
        source:
          folder: content
          include: "**/*.txt"
          language: en
        locales:
          - code: es
            engine: pseudo
        publish:
          folder: translations
        """;

    private const string Leaflet = "Using your inhaler\n\nShake the inhaler before each puff.\nBreathe out gently first.\n\n  Rinse your mouth with water afterwards.  \n";

    [Fact]
    public async Task A_format_registered_in_one_line_goes_from_intake_through_translation_and_review_to_a_published_page()
    {
        using var repository = new TestRepository(Pipeline);
        await File.WriteAllTextAsync(repository.SourcePath(Slug + ".txt"), Leaflet);
        await using var server = await RunningServer.StartAsync(
            repository, PublicSite.Settings, services => services.AddSingleton<IDocumentFormat, PlainTextFormat>());

        // Intake read the file with the new format and stored its id; the engine translated every paragraph.
        await Worker.WaitUntilQueuedAsync(server, Slug, ["es"]);
        Assert.Equal(PlainTextFormat.FormatId, (await server.Store.FindArticleAsync(Slug, default))!.Format);
        var segments = await server.Store.ListArticleSegmentsAsync(Slug, "es", default);
        Assert.Equal(
            ["Using your inhaler", "Shake the inhaler before each puff.\nBreathe out gently first.", "Rinse your mouth with water afterwards."],
            segments.Select(s => InlineMarkup.PlainText(s.Source)));
        Assert.All(segments, s => Assert.Equal("pseudo", s.EngineId));

        // The reviewer sees each segment named by the format.
        var manager = await server.ManagerAsync();
        var review = await manager.GetStringAsync($"/review/es/{Slug}");
        Assert.Contains("""<div class="muted">title</div>""", review);
        Assert.Contains("""<div class="muted">paragraph</div>""", review);

        // Approved and signed, it is published in the format's own file, and served as a page.
        await PublicSite.ApproveAsync(server, "es", Slug);
        await PublicSite.WaitForVersionAsync(server, "es", 1, Slug);
        var targets = (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)).Select(s => InlineMarkup.PlainText(s.Target!)).ToArray();
        Assert.Equal(
            $"{targets[0]}\n\n{targets[1]}\n\n  {targets[2]}  \n",
            await File.ReadAllTextAsync(Path.Combine(repository.Root, "translations", "es", Slug + ".txt")));
        using var json = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/articles/{Slug}?lang=es"));
        Assert.Equal(targets[0], json.RootElement.GetProperty("title").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
    }
}
