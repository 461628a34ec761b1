namespace Localize.Engines.Apertium;

/// <summary>Apertium settings, bound from <c>Localize:Engines:Apertium</c>.</summary>
public sealed class ApertiumOptions
{
    /// <summary>The <c>apertium</c> command: a name on PATH or a path (tests point it at wrappers).</summary>
    public string Command { get; set; } = "apertium";

    /// <summary>Where installed modes (<c>eng-spa.mode</c> …) are listed; a pair is offered only if its mode is there.</summary>
    public string ModesDirectory { get; set; } = "/usr/share/apertium/modes";

    /// <summary>
    /// Each mode's pipeline stays running between calls (null-flush, as Apertium-APy serves it), so a call costs no
    /// loading of dictionaries; false runs the <c>apertium</c> command once per call. A pipeline that fails hands its
    /// batch to one such call.
    /// </summary>
    public bool PersistentProcesses { get; set; } = true;

    /// <summary>A running pipeline no call has used for this long is stopped (it holds its dictionaries in memory); zero keeps them.</summary>
    public TimeSpan PipelineIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Segments per call. A start of the <c>apertium</c> command costs about 1.2 s of CPU whatever the input (as much as
    /// 60 KB of text), so a call carries a whole claimed batch. The cores are kept busy by overlapping calls (locales,
    /// back-translation), not by splitting one batch.
    /// </summary>
    public int MaxSegmentsPerCall { get; set; } = 1_000;

    /// <summary>Characters per call (about 60 KB/s on one core, so roughly four seconds of work).</summary>
    public int MaxCharactersPerCall { get; set; } = 250_000;

    /// <summary>Calls at once, each in a pipeline of its own; Apertium is CPU-bound, so one per core.</summary>
    public int MaxConcurrentCalls { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Morphological analysers by language, for the checks (Apertium's own analyser and tagger, installed with the pair):
    /// the <c>lt-proc</c> analyser binary and the <c>apertium-tagger</c> model. Spanish comes with apertium-eng-spa.
    /// </summary>
    public Dictionary<string, ApertiumAnalyserFiles> Analysers { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["es"] = new() { Analyser = "/usr/share/apertium/apertium-eng-spa/spa-eng.automorf.bin", Tagger = "/usr/share/apertium/apertium-eng-spa/spa-eng.prob" },
    };

    /// <summary>The shell that chains the analyser and the tagger in one call.</summary>
    public string Shell { get; set; } = "/bin/sh";

    /// <summary>The analyser program (<c>lt-proc</c>, from lttoolbox).</summary>
    public string AnalyserCommand { get; set; } = "lt-proc";

    /// <summary>The tagger program, which picks one reading of each word in context.</summary>
    public string TaggerCommand { get; set; } = "apertium-tagger";

    /// <summary>
    /// A translator call still running after this, per <see cref="CharactersPerCallTimeout"/> characters it carries (at
    /// least once), is taken as hung, killed with its whole pipeline, and retried once. A large call on a busy machine
    /// is slow, not hung: a fixed limit killed whole batches that were making progress.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The characters one <see cref="CallTimeout"/> covers: about a second of work on an idle core.</summary>
    public int CharactersPerCallTimeout { get; set; } = 60_000;
}

/// <summary>One language's analyser binary and tagger model.</summary>
public sealed class ApertiumAnalyserFiles
{
    public string Analyser { get; set; } = string.Empty;

    public string Tagger { get; set; } = string.Empty;
}
