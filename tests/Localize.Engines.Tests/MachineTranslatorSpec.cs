using System.Collections.Concurrent;
using Localize.Core.Translation;

namespace Localize.Engines.Tests;

/// <summary>
/// The shared layer's own rules, seen through a tiny in-process engine that echoes its input in upper case and records
/// every call: what gets batched together, what is never sent, what fails alone.
/// </summary>
public sealed class MachineTranslatorSpec
{
    [Fact]
    public async Task Identical_segments_are_sent_once_and_each_result_names_its_own_segment()
    {
        var engine = new EchoEngine();
        var translator = Translators.Create(engine);

        var results = await translator.TranslateAsync(Translators.Request("echo", "en", ["es"], "Rest.", "Drink water.", "Rest."), Cancel);

        Assert.Equal(["Rest.", "Drink water."], engine.Calls.Single().Texts);
        Assert.Equal([(1L, "REST."), (2L, "DRINK WATER."), (3L, "REST.")], results.Select(r => (r.SegmentId, r.Text)));
    }

    [Fact]
    public async Task Batches_respect_texts_characters_times_locales_and_locales_per_call()
    {
        var engine = new EchoEngine(maxTexts: 3, maxCharacters: 60, maxLocales: 2);
        var translator = Translators.Create(engine);
        var texts = Enumerable.Range(1, 10).Select(i => $"Segment {i:D2}.").ToArray(); // 12 characters each

        await translator.TranslateAsync(Translators.Request("echo", "en", ["es", "fr", "de"], texts), Cancel);

        Assert.All(engine.Calls, c =>
        {
            Assert.InRange(c.Texts.Count, 1, 3);
            Assert.InRange(c.Locales.Count, 1, 2);
            Assert.InRange(c.Texts.Sum(t => t.Length) * c.Locales.Count, 1, 60);
        });
        Assert.Equal(30, engine.Calls.Sum(c => c.Texts.Count * c.Locales.Count));
    }

    [Fact]
    public async Task A_locale_added_later_sends_only_that_locale()
    {
        var engine = new EchoEngine();
        var translator = Translators.Create(engine);
        await translator.TranslateAsync(Translators.Request("echo", "en", ["es"], "Rest.", "Drink water."), Cancel);

        await translator.TranslateAsync(Translators.Request("echo", "en", ["es", "fr"], "Rest.", "Drink water."), Cancel);

        Assert.Equal(["fr"], engine.Calls.Last().Locales);
        Assert.Equal(2, engine.Calls.Count);
    }

    [Fact]
    public async Task A_segment_longer_than_one_call_fails_alone()
    {
        var translator = Translators.Create(new EchoEngine(maxCharacters: 20));

        var results = await translator.TranslateAsync(Translators.Request("echo", "en", ["es"], "Short.", new string('x', 21)), Cancel);

        Assert.Equal("SHORT.", results[0].Text);
        Assert.Contains("longer than one echo call allows", results[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_that_throws_fails_only_its_own_batch()
    {
        var translator = Translators.Create(new EchoEngine(maxTexts: 1));

        var results = await translator.TranslateAsync(Translators.Request("echo", "en", ["es"], "boom", "Fine."), Cancel);

        Assert.Contains("InvalidOperationException: boom", results[0].Error, StringComparison.Ordinal);
        Assert.Equal("FINE.", results[1].Text);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_up_to_the_engine_attempts_and_nothing_is_cached_from_it()
    {
        var engine = new EchoEngine { TransientFailures = 2 };
        var translator = Translators.Create(engine);

        var failed = Assert.Single(await translator.TranslateAsync(Translators.Request("echo", "en", ["es"], "Rest."), Cancel));
        var later = Assert.Single(await translator.TranslateAsync(Translators.Request("echo", "en", ["es"], "Rest."), Cancel));

        Assert.Contains("flaky", failed.Error, StringComparison.Ordinal);
        Assert.Null(failed.Text);
        Assert.Equal("REST.", later.Text);
        Assert.Equal(3, engine.Attempts);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed class EchoEngine(int maxTexts = 100, int maxCharacters = 10_000, int maxLocales = 8) : ITranslationEngine
    {
        private int _attempts;

        public ConcurrentQueue<(IReadOnlyList<string> Texts, IReadOnlyList<string> Locales)> Calls { get; } = new();

        public int TransientFailures { get; init; }

        public int Attempts => _attempts;

        public string Id => "echo";

        public EngineCapabilities Capabilities { get; } = new(maxTexts, maxCharacters, maxLocales, 1, EngineMarkup.InlineMarkup, BatchAttempts: 2);

        public EngineAvailability CheckAvailability() => new("echo", true, false, null);

        public string? CheckPair(string sourceLanguage, string targetLocale) => null;

        public Task<EngineBatchResult> TranslateBatchAsync(EngineBatch batch, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) <= TransientFailures)
            {
                throw new TranslationEngineException("flaky", isTransient: true);
            }

            if (batch.Texts.Contains("boom"))
            {
                throw new InvalidOperationException("boom");
            }

            Calls.Enqueue((batch.Texts, batch.TargetLocales));
            var outputs = batch.Texts
                .Select(t => (IReadOnlyList<EngineOutput>)batch.TargetLocales.Select(_ => new EngineOutput(t.ToUpperInvariant(), [])).ToArray())
                .ToArray();
            return Task.FromResult(new EngineBatchResult(outputs, 0));
        }
    }
}
