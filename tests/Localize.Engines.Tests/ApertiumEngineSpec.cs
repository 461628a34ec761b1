using System.Diagnostics;
using Localize.Core.Segments;
using Localize.Engines.Apertium;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Localize.Engines.Tests;

/// <summary>Apertium through the shared layer, on the real binary; wrapper scripts count calls or play dead.</summary>
public sealed class ApertiumEngineSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("localize-apertium-").FullName;
    private readonly List<ApertiumEngine> _engines = [];

    public void Dispose()
    {
        // Stops the pipelines the engines keep running.
        _engines.ForEach(e => e.Dispose());
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Translates_english_to_spanish_with_codes_verified_and_unknown_words_flagged()
    {
        Requirements.Apertium();
        var translator = Translators.Create(Engine(new ApertiumOptions()), doNotTranslate: ["Ketamine"]);
        const string source = "I have <pc id=\"1\">dizziness</pc> after Ketamine<ph id=\"2\"/>.";

        var result = Assert.Single(await translator.TranslateAsync(
            Translators.Request("apertium", "en", ["es"], source), TestContext.Current.CancellationToken));

        Assert.Null(result.Error);
        Assert.Empty(InlineMarkup.CompareCodes(source, result.Text!));
        Assert.DoesNotContain("*", result.Text, StringComparison.Ordinal);
        Assert.Contains("Ketamine", result.Text, StringComparison.Ordinal);
        Assert.Contains("unknown-word: dizziness", result.Flags);
        // Spanish, whichever way this Debian build renders "I have" (Tengo / He): the rest of the sentence is stable.
        Assert.Contains("después de", result.Text, StringComparison.Ordinal);
    }

    /// <summary>Real Apertium output for sentences with inline codes: the codes come back in place, once each, and no
    /// word after a code is capitalised unless the source capitalised it.</summary>
    [Theory]
    [InlineData("In the <pc id=\"1\">low doses</pc> used for pain, side effects are mild.", "En las <pc id=\"1\">dosis bajas</pc> utilizaron para dolor, efectos de lado son suaves.")]
    [InlineData("Read the <pc id=\"1\">patient leaflet</pc> before you start treatment.", "Leído el <pc id=\"1\">folíolo paciente</pc> antes de que  empiezas tratamiento.")]
    [InlineData("Call <pc id=\"1\">your doctor</pc> if you feel dizzy.", "Llamada <pc id=\"1\">vuestro doctor</pc> si  te mareas.")]
    [InlineData("See <pc id=\"1\">side effects</pc> below and <pc id=\"2\">more</pc> here.", "Ve <pc id=\"1\">efectos de lado</pc> abajo y <pc id=\"2\">más</pc> aquí.")]
    [InlineData("Take <pc id=\"1\">one tablet</pc> twice a day with <ph id=\"2\"/> water.", "Toma <pc id=\"1\">una pastilla</pc> dos veces al día con <ph id=\"2\"/> agua.")]
    // Apertium capitalises the first word it translates as a sentence start, even after a protected term or a code.
    [InlineData("Ketamine is an <pc id=\"1\">anaesthetic</pc> that is also used for pain.", "Ketamine es un <pc id=\"1\">anestésico</pc> aquello es también utilizado para dolor.")]
    [InlineData("Ketamine tablets are small.", "Ketamine las pastillas son pequeñas.")]
    [InlineData("<ph id=\"1\"/> is an anaesthetic.", "<ph id=\"1\"/> es un anestésico.")]
    [InlineData("<pc id=\"1\">Low doses</pc> are used.", "<pc id=\"1\">Las dosis bajas</pc> están utilizadas.")]
    public async Task Codes_travel_as_markup_Apertium_keeps_and_bring_no_capitals_after_them(string source, string expected)
    {
        Requirements.Apertium();
        var translator = Translators.Create(Engine(new ApertiumOptions()), doNotTranslate: ["Ketamine"]);

        var result = Assert.Single(await translator.TranslateAsync(
            Translators.Request("apertium", "en", ["es"], source), TestContext.Current.CancellationToken));

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Text);
        Assert.Empty(InlineMarkup.CompareCodes(source, result.Text!));
    }

    [Fact]
    public async Task A_glossary_term_is_placed_where_Apertium_keeps_its_code_in_the_source_case()
    {
        Requirements.Apertium();
        var translator = Translators.Create(Engine(new ApertiumOptions()));
        var request = Translators.Request("apertium", "en", ["es"], "Ketamine is an anaesthetic.", "At low doses, <pc id=\"1\">ketamine</pc> is given as an infusion.")
            with { Terms = [new("ketamine", "ketamina")] };

        var results = await translator.TranslateAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("Ketamina es un anestésico.", results[0].Text);
        Assert.Equal([new("Ketamine", "Ketamina")], results[0].EnforcedTerms);
        Assert.Equal("En dosis bajas, <pc id=\"1\">ketamina</pc> está dado como una infusión.", results[1].Text);
        Assert.Empty(results[1].Flags);
    }

    [Theory]
    // Apertium writes the default "el"/"un" before an element; the analyser says cápsula is feminine, infusiones plural.
    // A term the analyser does not know (ketamina) keeps Apertium's article: the reviewer fixes "el ketamina".
    [InlineData("Take the capsule as prescribed.", "Tomar la cápsula tan prescrito.")]
    [InlineData("Take a capsule with water.", "Tomar una cápsula con agua.")]
    [InlineData("Talk to the doctor about the infusion.", "Charla al médico sobre las infusiones.")]
    [InlineData("Take the ketamine as prescribed.", "Tomar el ketamina tan prescrito.")]
    public async Task The_article_before_a_placed_term_agrees_with_it(string source, string expected)
    {
        Requirements.Apertium();
        var translator = Translators.Create(Engine(new ApertiumOptions()));
        var request = Translators.Request("apertium", "en", ["es"], source)
            with { Terms = [new("ketamine", "ketamina"), new("doctor", "médico"), new("infusion", "infusiones"), new("capsule", "cápsula")] };

        var result = Assert.Single(await translator.TranslateAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(expected, result.Text);
    }

    [Fact]
    public async Task Asterisks_of_the_source_survive_and_are_not_taken_for_unknown_words()
    {
        Requirements.Apertium();
        var translator = Translators.Create(Engine(new ApertiumOptions()));

        var result = Assert.Single(await translator.TranslateAsync(
            Translators.Request("apertium", "en", ["es"], "*Note: take 5 * 2 tablets for dizziness."), TestContext.Current.CancellationToken));

        Assert.StartsWith("*Nota", result.Text, StringComparison.Ordinal);
        Assert.Contains("5 * 2", result.Text, StringComparison.Ordinal);
        Assert.Equal(["unknown-word: dizziness"], result.Flags);
    }

    [Fact]
    public async Task Translates_spanish_back_to_english_and_refuses_pairs_not_installed()
    {
        Requirements.Apertium();
        var translator = Translators.Create(Engine(new ApertiumOptions()));

        var results = await translator.TranslateAsync(
            Translators.Request("apertium", "es", ["en", "ja"], "Tengo dolor de cabeza."), TestContext.Current.CancellationToken);

        Assert.Contains("headache", results.Single(r => r.Locale == "en").Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no installed pair", results.Single(r => r.Locale == "ja").Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_persistent_processes_five_hundred_segments_go_through_in_at_most_three_apertium_calls()
    {
        Requirements.Apertium();
        var log = Path.Combine(_dir, "calls.log");
        var wrapper = Script("counting-apertium", $"echo call >> '{log}'\nexec apertium \"$@\"");
        var translator = Translators.Create(Engine(new ApertiumOptions { Command = wrapper, PersistentProcesses = false }));
        var texts = Enumerable.Range(1, 500).Select(i => $"Take {i} tablets with <pc id=\"1\">water</pc> every day.").ToArray();
        var clock = Stopwatch.StartNew();

        var results = await translator.TranslateAsync(Translators.Request("apertium", "en", ["es"], texts), TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage($"apertium: 500 segments in {File.ReadAllLines(log).Length} calls, {clock.ElapsedMilliseconds} ms");
        Assert.InRange(File.ReadAllLines(log).Length, 1, 3);
        Assert.Equal(500, results.Count);
        Assert.All(results, r => Assert.Null(r.Error));
        // Output is matched by paragraph id: segment 437 still carries its own number.
        Assert.Contains("437", results.Single(r => r.SegmentId == 437).Text, StringComparison.Ordinal);
    }

    /// <summary>Sentences with what Apertium's HTML handling must carry: codes, entities, the source's asterisks, unknown words, numbers.</summary>
    private static readonly string[] MixedBatch =
    [
        .. Enumerable.Range(1, 200).Select(i => $"Take {i} tablets with <pc id=\"1\">water</pc> every day."),
        "Do not take more than 4 g of paracetamol in 24 hours.",
        "*Note: take 5 * 2 tablets for dizziness & nausea.",
        "Read the <pc id=\"1\">patient leaflet</pc> before you start <ph id=\"2\"/> treatment.",
        "Children under 12 years &lt; 40 kg should not use it.",
        "Call \"your doctor\" if you feel dizzy; don't drive.",
        "Ketamine is an anaesthetic.",
    ];

    [Fact]
    public async Task The_running_pipeline_answers_as_the_apertium_command_does_and_one_start_serves_every_call()
    {
        Requirements.Apertium();
        var persistentEngine = Engine(new ApertiumOptions());
        var persistent = Translators.Create(persistentEngine);
        // A translator of its own for the second call: the first one's cache would answer it without the engine.
        var again = Translators.Create(persistentEngine);
        var perCall = Translators.Create(Engine(new ApertiumOptions { PersistentProcesses = false }));
        var cancellationToken = TestContext.Current.CancellationToken;

        var expected = await perCall.TranslateAsync(Translators.Request("apertium", "en", ["es"], MixedBatch), cancellationToken);
        var first = await persistent.TranslateAsync(Translators.Request("apertium", "en", ["es"], MixedBatch), cancellationToken);
        var second = await again.TranslateAsync(Translators.Request("apertium", "en", ["es"], [.. MixedBatch.Reverse()]), cancellationToken);

        Assert.All(expected, r => Assert.Null(r.Error));
        Assert.Equal(expected.Select(r => (r.Text, string.Join("|", r.Flags))), first.Select(r => (r.Text, string.Join("|", r.Flags))));
        Assert.Equal(expected.Select(r => r.Text).Reverse(), second.Select(r => r.Text));
        Assert.Equal(1, persistentEngine.Pipelines!.Starts);
    }

    [Fact]
    public async Task A_pipeline_that_died_between_calls_is_started_again_by_the_next()
    {
        Requirements.Apertium();
        var engine = Engine(new ApertiumOptions());
        var translator = Translators.Create(engine);
        var cancellationToken = TestContext.Current.CancellationToken;
        await translator.TranslateAsync(Translators.Request("apertium", "en", ["es"], "Drink water."), cancellationToken);
        using (var process = Process.GetProcessById(Assert.Single(engine.Pipelines!.ProcessIds)))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cancellationToken);
        }

        // A translator of its own: the first one's cache would answer without the engine.
        var result = Assert.Single(await Translators.Create(engine).TranslateAsync(Translators.Request("apertium", "en", ["es"], "Drink water."), cancellationToken));

        Assert.Null(result.Error);
        Assert.Contains("agua", result.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, engine.Pipelines.Starts);
    }

    [Fact]
    public async Task A_mode_whose_pipeline_cannot_run_hands_its_batch_to_one_apertium_call()
    {
        Requirements.Apertium();
        var log = Path.Combine(_dir, "calls.log");
        var counting = Script("counting-apertium", $"echo call >> '{log}'\nexec apertium \"$@\"");
        // The mode file lists the pair but holds no pipeline: the running pipeline cannot start; apertium itself reads the installed mode.
        var translator = Translators.Create(Engine(new ApertiumOptions { Command = counting }, FakeModes()));

        var result = Assert.Single(await translator.TranslateAsync(
            Translators.Request("apertium", "en", ["es"], "Drink water."), TestContext.Current.CancellationToken));

        Assert.Null(result.Error);
        Assert.Contains("agua", result.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Single(File.ReadAllLines(log));
    }

    [Fact]
    public async Task A_pipeline_left_idle_is_stopped_and_the_next_call_starts_it_again()
    {
        Requirements.Apertium();
        var clock = new FakeTimeProvider();
        var engine = Engine(new ApertiumOptions { PipelineIdleTimeout = TimeSpan.FromMinutes(5) }, clock: clock);
        var cancellationToken = TestContext.Current.CancellationToken;
        await Translators.Create(engine).TranslateAsync(Translators.Request("apertium", "en", ["es"], "Drink water."), cancellationToken);

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Single(engine.Pipelines!.ProcessIds);
        // The idle sweep runs on the clock's timer, so the stop has happened when Advance returns.
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(engine.Pipelines.ProcessIds);

        // A translator of its own: the first one's cache would answer without the engine.
        var result = Assert.Single(await Translators.Create(engine).TranslateAsync(Translators.Request("apertium", "en", ["es"], "Drink water."), cancellationToken));

        Assert.Contains("agua", result.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, engine.Pipelines.Starts);
    }

    [Fact]
    public async Task A_hung_call_is_killed_at_its_timeout_and_the_batch_retried_once()
    {
        var log = Path.Combine(_dir, "calls.log");
        // A duration no other test sleeps, so the count below sees only this test's children.
        var hanging = Script("hanging-apertium", $"echo call >> '{log}'\nexec sleep 299");
        var translator = Translators.Create(Engine(new ApertiumOptions { Command = hanging, PersistentProcesses = false, CallTimeout = TimeSpan.FromMilliseconds(500) }, FakeModes()));
        var clock = Stopwatch.StartNew();

        var result = Assert.Single(await translator.TranslateAsync(
            Translators.Request("apertium", "en", ["es"], "Drink water."), TestContext.Current.CancellationToken));

        Assert.Equal(2, File.ReadAllLines(log).Length);
        Assert.Null(result.Text);
        Assert.Contains("was killed", result.Error, StringComparison.Ordinal);
        // Killed at its timeout, not after the script's 299 s: the upper bound leaves a loaded machine room to be slow.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(120));
        // Reported killed only once it is gone from the process table.
        Assert.Equal(0, HungChildrenStillRunning());
    }

    [Fact]
    public async Task A_call_carrying_more_text_than_one_timeout_covers_gets_a_longer_limit_and_is_not_killed()
    {
        var log = Path.Combine(_dir, "calls.log");
        // Slower than one CallTimeout, but the call carries several timeouts' worth of characters: slow, not hung.
        var slow = Script("slow-apertium", $"echo call >> '{log}'\nsleep 3\nexec cat");
        var translator = Translators.Create(Engine(
            new ApertiumOptions { Command = slow, PersistentProcesses = false, CallTimeout = TimeSpan.FromSeconds(1), CharactersPerCallTimeout = 5 }, FakeModes()));

        var result = Assert.Single(await translator.TranslateAsync(
            Translators.Request("apertium", "en", ["es"], "Drink water and rest for the whole day."), TestContext.Current.CancellationToken));

        Assert.Null(result.Error);
        Assert.Single(File.ReadAllLines(log));
    }

    [Fact]
    public async Task A_call_that_hangs_once_succeeds_on_its_retry()
    {
        Requirements.Apertium();
        var log = Path.Combine(_dir, "calls.log");
        var flaky = Script("flaky-apertium", $"echo call >> '{log}'\nif [ $(wc -l < '{log}') -eq 1 ]; then exec sleep 300; fi\nexec apertium \"$@\"");
        var translator = Translators.Create(Engine(new ApertiumOptions { Command = flaky, PersistentProcesses = false, CallTimeout = TimeSpan.FromSeconds(20) }));

        // The retry runs real Apertium, which a loaded machine can keep busy for more than a few seconds.
        var result = Assert.Single(await translator.TranslateAsync(
            Translators.Request("apertium", "en", ["es"], "Drink water."), TestContext.Current.CancellationToken));

        Assert.Equal(2, File.ReadAllLines(log).Length);
        Assert.Null(result.Error);
        Assert.Contains("agua", result.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Is_unavailable_with_the_reason_when_the_command_is_missing()
    {
        var availability = Engine(new ApertiumOptions { Command = Path.Combine(_dir, "no-such-apertium") }).CheckAvailability();

        Assert.False(availability.IsAvailable);
        Assert.Contains("not found", availability.Reason, StringComparison.Ordinal);
    }

    private ApertiumEngine Engine(ApertiumOptions options, string? modes = null, TimeProvider? clock = null)
    {
        if (modes is not null)
        {
            options.ModesDirectory = modes;
        }

        var engine = new ApertiumEngine(Options.Create(options), clock: clock);
        _engines.Add(engine);
        return engine;
    }

    /// <summary>A modes directory naming eng-spa, so a fake command is offered the pair without Apertium installed.</summary>
    private string FakeModes()
    {
        var modes = Directory.CreateDirectory(Path.Combine(_dir, "modes")).FullName;
        File.WriteAllText(Path.Combine(modes, "eng-spa.mode"), "");
        return modes;
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>Our own children still running <c>sleep 300</c>: a kill that left the pipeline behind.</summary>
    private static int HungChildrenStillRunning() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Count(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline") == "sleep\0" + "299\0"
                        && File.ReadAllText($"/proc/{pid}/status").Contains($"PPid:\t{Environment.ProcessId}\n", StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            });
}
