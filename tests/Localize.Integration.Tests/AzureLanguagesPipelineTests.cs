using System.Net;
using Localize.Core.Workflow;
using Localize.Testing;
using Localize.TranslatorEmulator;
using Emulator = Localize.TranslatorEmulator.TranslatorEmulator;

namespace Localize.Integration.Tests;

/// <summary>
/// French, Chinese, Arabic and Vietnamese through the whole pipeline on the Azure engine, answered by the loopback
/// emulator from a fixture of professional translations (<c>TestData/Languages/patient-instructions.json</c>): correct
/// translations reach the reviewer with no blocking finding in any of the four languages, and the two wrong ones the
/// fixture plants on purpose (a lost prohibition in Vietnamese, a changed number in Chinese) are blocked. Apertium has
/// no pair for these languages here, so the Azure engine back-translates them, and the review page says so.
/// </summary>
public sealed class AzureLanguagesPipelineTests
{
    public const string Slug = "taking-blood-pressure-medicine";

    public static readonly string[] Locales = ["fr", "zh-Hans", "ar", "vi"];

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Localize.Integration.Tests", "TestData", "Languages");

    public static string FixturePath => Path.Combine(Folder, "patient-instructions.json");

    /// <summary>The locales (default: all four) on the Azure engine, the patient-instruction article as the only content.</summary>
    public static TestRepository NewRepository(params string[] locales)
    {
        locales = locales.Length == 0 ? Locales : locales;
        var repository = new TestRepository($"""
            name: languages
            source:
              folder: content
              language: en
              fields: [title, description]
            locales:
            {string.Concat(locales.Select(l => $"  - code: {l}\n    engine: azure\n"))}
            review:
              approvals: 1
            publish:
              folder: translations
            """);
        File.Delete(repository.SourcePath(TestRepository.SeedSlug + ".md"));
        File.Copy(Path.Combine(Folder, Slug + ".md"), repository.SourcePath(Slug + ".md"));
        return repository;
    }

    public static Task<Emulator> StartEmulatorAsync() =>
        Emulator.StartAsync(new TranslatorEmulatorOptions { Fixture = TranslationFixture.Load(FixturePath) });

    public static Dictionary<string, string?> Settings(Emulator emulator) => new()
    {
        ["Localize:Engines:Azure:Endpoint"] = emulator.BaseAddress.ToString(),
        ["Localize:Engines:Azure:Key"] = emulator.Key,
    };

    /// <summary>Waits until every segment of the article in <paramref name="locale"/> is translated by Azure and in review.</summary>
    public static Task<IReadOnlyList<ReviewItem>> WaitForReviewAsync(RunningServer server, string locale) =>
        server.WaitForSegmentsAsync(
            Slug,
            locale,
            segments => segments.Count > 0 && segments.All(s => s.State == SegmentState.InReview && s.EngineId == "azure"),
            $"{Slug} ({locale}) translated by azure and in review");

    [Fact]
    public async Task Professional_translations_into_four_languages_pass_the_checks_and_planted_errors_are_blocked()
    {
        using var repository = NewRepository();
        await using var emulator = await StartEmulatorAsync();
        await using var server = await RunningServer.StartAsync(repository, Settings(emulator));

        // (locale, source) → the check that must block the fixture's deliberately wrong translation.
        var planted = new Dictionary<(string, string), string>
        {
            [("vi", "Do not drive for 24 hours after your first dose.")] = "negation",
            [("zh-Hans", "Check your blood pressure twice a day for 7 days.")] = "numbers",
        };
        foreach (var locale in Locales)
        {
            var segments = await WaitForReviewAsync(server, locale);

            Assert.Equal(10, segments.Count);
            Assert.All(segments, s => Assert.False(s.Target!.StartsWith($"[{locale}]", StringComparison.Ordinal), $"{locale}: the fixture has no translation of \"{s.Source}\""));
            foreach (var segment in segments)
            {
                var errors = segment.Notes.Where(n => n.Severity == NoteSeverity.Error).ToList();
                if (planted.TryGetValue((locale, segment.Source), out var check))
                {
                    Assert.True(
                        errors.Any(n => n.Origin.Kind == NoteOriginKind.Check && n.Origin.Id == check),
                        $"{locale}: the planted error in \"{segment.Target}\" is not a {check} error; notes: {string.Join("; ", segment.Notes)}");
                }
                else
                {
                    Assert.True(errors.Count == 0, $"{locale}: \"{segment.Source}\" => \"{segment.Target}\": {string.Join("; ", errors)}");
                }
            }
        }

        // Back-translation: Apertium has no pair for any of them, so Azure translates each target back into English,
        // and the planted errors show in the English a reviewer reads.
        var plantedBack = new Dictionary<(string, string), string>
        {
            [("vi", "Do not drive for 24 hours after your first dose.")] = "Do drive for 24 hours after your first dose.",
            [("zh-Hans", "Check your blood pressure twice a day for 7 days.")] = "Check your blood pressure twice a day for 5 days.",
        };
        foreach (var locale in Locales)
        {
            var segments = await server.WaitForSegmentsAsync(Slug, locale, s => s.All(x => x.BackTranslation is not null), $"{locale} back-translated");
            Assert.All(segments, s => Assert.Equal(plantedBack.GetValueOrDefault((locale, s.Source), s.Source), s.BackTranslation));
        }

        var manager = await server.ManagerAsync();
        Assert.Contains("Back-translations by azure.", WebUtility.HtmlDecode(await manager.GetStringAsync($"/review/fr/{Slug}")));
    }

    [Fact]
    public async Task Without_the_locale_engine_in_reverse_a_locale_Apertium_cannot_serve_gets_no_back_translation_and_the_page_says_why()
    {
        using var repository = NewRepository("fr");
        await using var emulator = await StartEmulatorAsync();
        await using var server = await RunningServer.StartAsync(
            repository, new Dictionary<string, string?>(Settings(emulator)) { ["Localize:Engines:BackTranslationByLocaleEngine"] = "false" });
        await WaitForReviewAsync(server, "fr");

        await server.RunStepAsync("back-translation");

        Assert.All(await server.Store.ListArticleSegmentsAsync(Slug, "fr", default), s => Assert.Null(s.BackTranslation));
        var page = WebUtility.HtmlDecode(await (await server.ManagerAsync()).GetStringAsync($"/review/fr/{Slug}"));
        Assert.Contains("No back-translation: no engine here translates fr → en (apertium: ", page);
    }
}
