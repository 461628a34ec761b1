using Azure;
using Localize.Core.Translation;
using Localize.Engines.Azure;
using Localize.Engines.Shared;
using Localize.TranslatorEmulator;
using Microsoft.Extensions.Options;
using Emulator = Localize.TranslatorEmulator.TranslatorEmulator;

namespace Localize.Engines.Tests;

/// <summary>
/// Azure Translator through the shared layer against the loopback emulator: batching to the limits, caching,
/// metering and every fault of azure-translator-v3.md. Timeouts and back-offs are shrunk so the storm takes seconds.
/// </summary>
public sealed class AzureTranslatorSpec : IAsyncLifetime
{
    private static readonly string[] _locales = ["es", "fr", "de"];
    private Emulator _emulator = null!;

    public async ValueTask InitializeAsync() =>
        _emulator = await Emulator.StartAsync(new TranslatorEmulatorOptions
        {
            SlowResponseDelay = TimeSpan.FromSeconds(5),
            RetryAfterSeconds = 1,
        });

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Without_faults_requests_stay_within_five_percent_of_the_minimum_and_metered_equals_sent()
    {
        var meter = new InMemoryUsageMeter();
        var translator = Translators.Create(Engine(), meter: meter);
        var segments = Corpus.Articles(200, 20);

        var results = await translator.TranslateAsync(new MachineTranslationRequest("azure", "en", _locales, segments), Cancel);

        Assert.All(results, r => Assert.Null(r.Error));
        var totals = await TotalsAsync(meter);
        var minimum = (int)Math.Ceiling(totals.CharactersSent / 50_000.0);
        Assert.InRange(_emulator.Requests, minimum, (int)Math.Floor(1.05 * minimum));
        Assert.Equal(_emulator.CharactersMetered, totals.CharactersSent);
        Assert.Equal(totals.CharactersSent, totals.CharactersCharged);
        // One request fans out to all three locales; none nears the element limit.
        Assert.All(_emulator.Log, r => Assert.Equal(_locales, r.To));
        Assert.All(_emulator.Log, r => Assert.InRange(r.Characters, 1, 50_000));
        // The disclaimer shared by 200 articles was paid for once per locale.
        Assert.Equal(Corpus.Disclaimer.Length * _locales.Length, _emulator.CharactersByText[Corpus.Disclaimer]);
        TestContext.Current.SendDiagnosticMessage($"no faults: {_emulator.Requests} requests, minimum {minimum}, {totals.CharactersSent} characters sent");
    }

    [Fact]
    public async Task A_seeded_fault_storm_ends_with_every_segment_translated_from_its_own_source()
    {
        _emulator.Faults = FaultPlan.RandomStorm(seed: 20261124, rate: 0.3);
        var translator = Translators.Create(Engine(timeout: TimeSpan.FromSeconds(2.5)));
        var segments = Corpus.Articles(200, 20);
        var done = new Dictionary<(long, string), MachineTranslationResult>();
        var pending = segments;
        var passes = 0;

        // A batch that finally fails is retried by a later run; the cache makes earlier passes free.
        while (pending.Count > 0 && passes < 5)
        {
            passes++;
            var results = await translator.TranslateAsync(new MachineTranslationRequest("azure", "en", _locales, pending), Cancel);
            Assert.Equal(pending.Count * _locales.Length, results.Count);
            foreach (var e in results.Where(r => r.Error is not null).Select(r => r.Error).Distinct())
            {
                TestContext.Current.SendDiagnosticMessage($"pass {passes}: {e}");
            }

            foreach (var result in results.Where(r => r.Text is not null))
            {
                done[(result.SegmentId, result.Locale)] = result;
            }

            pending = pending.Where(s => _locales.Any(l => !done.ContainsKey((s.SegmentId, l)))).ToList();
        }

        Assert.Empty(pending);
        var sources = segments.ToDictionary(s => s.SegmentId, s => s.Text);
        var mismatched = done.Values.Count(r => r.Text != Emulator.Translate(sources[r.SegmentId], r.Locale, html: true));
        Assert.Equal(0, mismatched);
        Assert.Equal(segments.Count * _locales.Length, done.Count);
        Assert.True(_emulator.FaultsInjected > 5, $"only {_emulator.FaultsInjected} faults were injected");
        TestContext.Current.SendDiagnosticMessage($"storm: {_emulator.Requests} requests, {_emulator.FaultsInjected} faults, {passes} passes, 0 mismatched");
    }

    [Fact]
    public async Task After_a_one_sentence_edit_only_that_sentence_is_sent_once_per_locale()
    {
        var meter = new InMemoryUsageMeter();
        var translator = Translators.Create(Engine(), meter: meter);
        var segments = Corpus.Articles(20, 20);
        await translator.TranslateAsync(new MachineTranslationRequest("azure", "en", _locales, segments), Cancel);
        var sentBefore = (await TotalsAsync(meter)).CharactersSent;
        _emulator.ResetCounters();

        const string edited = "If you feel dizzy, sit down and call your care team today.";
        segments[45] = segments[45] with { Text = edited };
        var results = await translator.TranslateAsync(new MachineTranslationRequest("azure", "en", _locales, segments), Cancel);

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(edited.Length * _locales.Length, _emulator.CharactersMetered);
        Assert.Equal(edited.Length * _locales.Length, (await TotalsAsync(meter)).CharactersSent - sentBefore);
        Assert.Equal(1, _emulator.Requests);
    }

    [Theory]
    [InlineData(EmulatorFault.BadRequest, "400")]
    [InlineData(EmulatorFault.Forbidden, "403")]
    public async Task Refusals_are_not_retried_and_leave_the_batch_untranslated(EmulatorFault fault, string status)
    {
        _emulator.Faults = FaultPlan.Always(fault);
        var translator = Translators.Create(Engine());

        var results = await translator.TranslateAsync(Translators.Request("azure", "en", _locales, "Drink water.", "Rest."), Cancel);

        Assert.Equal(1, _emulator.Requests);
        Assert.All(results, r =>
        {
            Assert.Null(r.Text);
            Assert.Contains($"refused the request ({status}", r.Error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_wrong_key_is_a_401_tried_once()
    {
        var translator = Translators.Create(Engine(key: "not-the-key"));

        var result = (await translator.TranslateAsync(Translators.Request("azure", "en", ["es"], "Drink water."), Cancel)).Single();

        Assert.Equal(1, _emulator.Requests);
        Assert.Contains("refused the request (401", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_honours_Retry_After_then_succeeds()
    {
        _emulator.Faults = FaultPlan.Next(EmulatorFault.TooManyRequestsWithRetryAfter);
        var translator = Translators.Create(Engine());
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = (await translator.TranslateAsync(Translators.Request("azure", "en", ["es"], "Drink water."), Cancel)).Single();

        Assert.Equal("[es] Drïnk wàtér.", result.Text);
        Assert.Equal(2, _emulator.Requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}, before Retry-After");
    }

    [Theory]
    [InlineData(EmulatorFault.TruncatedJson)]
    [InlineData(EmulatorFault.MalformedJson)]
    [InlineData(EmulatorFault.WrongElementCount)]
    [InlineData(EmulatorFault.SlowResponse)]
    [InlineData(EmulatorFault.ServiceUnavailable)]
    [InlineData(EmulatorFault.RequestTimeout)]
    public async Task A_transient_fault_is_retried_and_never_half_written(EmulatorFault fault)
    {
        _emulator.Faults = FaultPlan.Next(fault);
        var translator = Translators.Create(Engine(timeout: TimeSpan.FromSeconds(1)));

        var results = await translator.TranslateAsync(Translators.Request("azure", "en", ["es", "fr"], "Drink water.", "Rest <pc id=\"1\">now</pc>."), Cancel);

        Assert.Equal(["[es] Drïnk wàtér.", "[fr] Drïnk wàtér.", "[es] Rést <pc id=\"1\">nôw</pc>.", "[fr] Rést <pc id=\"1\">nôw</pc>."], results.Select(r => r.Text));
        Assert.Equal(2, _emulator.Requests);
    }

    [Fact]
    public async Task A_batch_that_finally_fails_fails_alone_and_is_translated_on_a_later_run()
    {
        var translator = Translators.Create(Engine(maxConcurrent: 1, maxRetries: 0, batchAttempts: 1));
        var segments = Corpus.Articles(12, 20);
        _emulator.Faults = FaultPlan.Next(EmulatorFault.InternalServerError);

        var first = await translator.TranslateAsync(new MachineTranslationRequest("azure", "en", _locales, segments), Cancel);
        var failed = first.Where(r => r.Error is not null).ToList();
        var second = await translator.TranslateAsync(new MachineTranslationRequest("azure", "en", _locales, segments), Cancel);

        Assert.NotEmpty(failed);
        Assert.True(failed.Count < first.Count, "only the failed batch's segments have errors");
        Assert.All(failed, r => Assert.Null(r.Text));
        Assert.All(second, r => Assert.Null(r.Error));
    }

    [Fact]
    public async Task Glossary_terms_come_back_untouched()
    {
        var translator = Translators.Create(Engine());
        var request = Translators.Request("azure", "en", ["es"], "Take Ketamine only in hospital.") with { DoNotTranslate = ["ketamine"] };

        var result = (await translator.TranslateAsync(request, Cancel)).Single();

        Assert.Equal("[es] Tàké Ketamine ônly ïn hôspïtàl.", result.Text);
    }

    [Fact]
    public async Task The_emulator_enforces_the_element_and_character_limits_with_the_service_error_codes()
    {
        var client = new TextTranslationClient(new AzureKeyCredential(_emulator.Key), _emulator.BaseAddress);

        var tooMany = await Assert.ThrowsAsync<RequestFailedException>(() =>
            client.TranslateAsync(["es"], Enumerable.Repeat("a", 1_001), sourceLanguage: "en", cancellationToken: Cancel));
        var tooLong = await Assert.ThrowsAsync<RequestFailedException>(() =>
            client.TranslateAsync(["es", "fr"], [new string('a', 25_001)], sourceLanguage: "en", cancellationToken: Cancel));

        Assert.Equal((400, "400077"), (tooMany.Status, tooMany.ErrorCode));
        Assert.Equal((400, "400050"), (tooLong.Status, tooLong.ErrorCode));
    }

    [Fact]
    public async Task The_client_returns_the_official_shape_with_metered_usage_on_the_raw_response()
    {
        var client = new TextTranslationClient(new AzureKeyCredential(_emulator.Key), _emulator.BaseAddress, "westeurope");

        var response = await client.TranslateAsync(["es", "fr"], ["Hello"], sourceLanguage: "en", cancellationToken: Cancel);

        var item = Assert.Single(response.Value);
        Assert.Equal(["es", "fr"], item.Translations.Select(t => t.TargetLanguage));
        Assert.True(response.GetRawResponse().Headers.TryGetValue("X-Metered-Usage", out var metered));
        Assert.Equal("10", metered);
    }

    [Fact]
    public void Without_a_key_the_engine_is_unavailable_and_says_which_setting_is_missing()
    {
        var availability = new AzureTranslatorEngine(Options.Create(new AzureTranslatorOptions())).CheckAvailability();

        Assert.False(availability.IsAvailable);
        Assert.Contains("Localize:Engines:Azure:Key", availability.Reason, StringComparison.Ordinal);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private AzureTranslatorEngine Engine(
        string? key = null,
        TimeSpan? timeout = null,
        int maxConcurrent = 4,
        int maxRetries = 5,
        int batchAttempts = 3) =>
        new(Options.Create(new AzureTranslatorOptions
        {
            Key = key ?? _emulator.Key,
            Endpoint = _emulator.BaseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetries = maxRetries,
            BatchAttempts = batchAttempts,
            MaxConcurrentRequests = maxConcurrent,
        }));

    private static async Task<UsageTotal> TotalsAsync(IUsageMeter meter)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var totals = await meter.QueryTotalsAsync(new UsageQuery(today.AddDays(-1), today.AddDays(1)) { GroupBy = UsageGrouping.None }, Cancel);
        return totals.SingleOrDefault() ?? new UsageTotal(null, null, null, null, 0, 0, 0);
    }
}
