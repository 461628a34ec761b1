using Localize.Core.Checks;
using Localize.Core.Segments;
using Localize.Core.Translation;
using Localize.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests.Extending;

/// <summary>
/// An engine and a check need nothing but their class and one registration line each: through the real worker (SQLite,
/// filesystem), a new article is translated by <see cref="LocaleTagEngine"/>, named as its engine on every segment and
/// on the review page, and <see cref="LocaleTagCheck"/>'s finding is a note on each segment the reviewer sees.
/// </summary>
public sealed class EngineAndCheckTests
{
    private const string Slug = "water-with-meals";

    private const string Article = """
        ---
        title: Water with meals
        ---

        Drink a glass of water with every meal.
        """;

    [Fact]
    public async Task An_engine_and_a_check_registered_in_one_line_each_translate_a_new_article_and_flag_it_in_review()
    {
        using var repository = new TestRepository(TestRepository.OneLocalePipeline("es", "locale-tag"));
        await File.WriteAllTextAsync(repository.SourcePath(Slug + ".md"), Article);
        await using var server = await RunningServer.StartAsync(repository, configureServices: services =>
        {
            services.AddSingleton<ITranslationEngine, LocaleTagEngine>();
            services.AddSingleton<IQualityCheck, LocaleTagCheck>();
        });

        var segments = await server.WaitForSegmentsAsync(
            Slug, "es", s => s.Count > 0 && s.All(x => x.State == SegmentState.InReview), $"every es segment of {Slug} to be in review");

        // The engine's output, written out by hand: the locale in brackets before each source text.
        Assert.Equal(["[es] Water with meals", "[es] Drink a glass of water with every meal."], segments.Select(s => InlineMarkup.PlainText(s.Target!)));
        Assert.All(segments, s => Assert.Equal("locale-tag", s.EngineId));
        Assert.All(segments, s => Assert.Contains(
            s.Notes, n => n.Origin == NoteOrigin.Check("locale-tag") && n.Severity == NoteSeverity.Warning && n.Message == "the target still begins with the locale tag"));

        // The reviewer reads both on the article's page.
        var manager = await server.ManagerAsync();
        var review = await manager.GetStringAsync($"/review/es/{Slug}");
        Assert.Contains("machine translation: locale-tag", review);
        Assert.Contains("warning · check:locale-tag: the target still begins with the locale tag", review);
    }
}
