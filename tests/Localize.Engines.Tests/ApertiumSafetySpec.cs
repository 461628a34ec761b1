using Localize.Core.Checks;
using Localize.Core.Checks.Analysis;
using Localize.Engines.Apertium;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Localize.Engines.Tests;

/// <summary>
/// The checks against real Apertium output (TestData/apertium-eng-spa-safety.tsv: patient instructions run through
/// <c>apertium eng-spa</c>, each with a verdict and a professional translation), with the targets read by Apertium's own
/// Spanish analyser and tagger, one call per batch: every unsafe output gets an error finding, no professional
/// translation gets one.
/// </summary>
public sealed class ApertiumSafetySpec
{
    private static readonly string Table = Path.Combine(RepositoryPaths.Root, "tests", "Localize.Engines.Tests", "TestData", "apertium-eng-spa-safety.tsv");

    private static readonly ApertiumAnalyser Analyser = new(Options.Create(new ApertiumOptions()), NullLogger<ApertiumAnalyser>.Instance);

    private sealed record Row(int Line, string Source, string Apertium, string Verdict, string Why, string Professional);

    private static IReadOnlyList<Row> Rows() =>
        [.. File.ReadLines(Table)
            .Select((line, i) => (line, i))
            .Where(l => l.line.Length > 0 && !l.line.StartsWith('#'))
            .Select(l => l.line.Split('\t') is [var s, var a, var v, var w, var p] ? new Row(l.i + 1, s, a, v, w, p) : throw new FormatException($"line {l.i + 1}: five columns expected"))];

    [Fact]
    public void The_table_holds_at_least_thirty_real_outputs_with_a_verdict_each()
    {
        var rows = Rows();
        Assert.True(rows.Count >= 30, $"{rows.Count} rows");
        Assert.All(rows, r => Assert.Contains(r.Verdict, new[] { "unsafe", "unsafe-uncaught", "poor", "correct" }));
    }

    [Fact]
    public async Task Every_unsafe_output_gets_an_error_and_no_professional_translation_does()
    {
        Requirements.Apertium();
        var rows = Rows();
        var machine = await Analyser.AnalyseAsync("es", [.. rows.Select(r => r.Apertium)], TestContext.Current.CancellationToken);
        var professional = await Analyser.AnalyseAsync("es", [.. rows.Select(r => r.Professional)], TestContext.Current.CancellationToken);
        Assert.All(machine.Concat(professional), Assert.NotNull);

        var checker = new QualityChecker();
        var wrong = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var onMachine = Errors(checker, row.Source, row.Apertium, machine[i]);
            if (row.Verdict == "unsafe" && onMachine.Count == 0)
            {
                wrong.Add($"line {row.Line}: unsafe ({row.Why}) but no error: \"{row.Apertium}\"");
            }

            var onProfessional = Errors(checker, row.Source, row.Professional, professional[i]);
            if (onProfessional.Count > 0)
            {
                wrong.Add($"line {row.Line}: professional \"{row.Professional}\" got {string.Join("; ", onProfessional)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Analysing_only_what_a_check_needs_finds_every_error_that_analysing_every_target_finds()
    {
        Requirements.Apertium();
        var rows = Rows();
        IReadOnlyList<SegmentPair> pairs = [.. rows.SelectMany(r => new[] { new SegmentPair("en", "es", r.Source, r.Apertium), new SegmentPair("en", "es", r.Source, r.Professional) })];
        var all = await Analyser.AnalyseAsync("es", [.. pairs.Select(p => p.Target)], TestContext.Current.CancellationToken);
        var checker = new QualityChecker();

        var needed = await checker.RunAsync(pairs, TextForm.InlineMarkup, Analyser, TestContext.Current.CancellationToken);

        for (var i = 0; i < pairs.Count; i++)
        {
            var everything = checker.Run(pairs[i] with { TargetAnalysis = all[i] });
            Assert.Equal(everything.Select(f => f.Message), needed[i].Select(f => f.Message));
        }
    }

    [Theory]
    [InlineData("Do not drive yourself home.", "No te conduce en casa.", "prohibition", "states a fact (\"No te conduce\": indicative)")]
    [InlineData("You must not drink alcohol.", "No tienes que beber alcohol.", "prohibition", "need not (\"No tienes que\")")]
    [InlineData("Do not eat solid food.", "Hacer No Come comida sólida.", "prohibition", "the source forbids")]
    [InlineData("Do not drive yourself home.", "No conduzca de regreso a casa.", "prohibition", null)]
    [InlineData("Do not drive yourself home.", "No conduzcas de regreso a casa.", "prohibition", null)]
    [InlineData("Do not drive for 24 hours.", "No conducir durante 24 horas.", "prohibition", null)]
    [InlineData("You must not drink alcohol.", "No debe beber alcohol.", "prohibition", null)]
    [InlineData("Patients must not drive.", "Los pacientes no deben conducir.", "prohibition", null)]
    [InlineData("Most people do not need to fast.", "La mayoría de las personas no necesita ayunar.", "prohibition", null)]
    [InlineData("Read the safety profile.", "Lea el perfildeseguridad.", "glued-word", "\"perfildeseguridad\" is not a word: it reads as \"perfil de seguridad\"")]
    [InlineData("Take it for a 7-day course.", "Tómelo durante un cursode7 días.", "glued-word", "\"cursode7\" is not a word")]
    [InlineData("Read the safety profile.", "Lea el perfil de seguridad.", "glued-word", null)]
    public async Task With_the_analyser_a_check_reads_mood_person_and_glued_words(string source, string target, string checkId, string? expected)
    {
        Requirements.Apertium();

        // As the pipeline checks: the checker asks the analyser for this target only if a check needs it read.
        var findings = (await new QualityChecker().RunAsync([new SegmentPair("en", "es", source, target)], TextForm.InlineMarkup, Analyser, TestContext.Current.CancellationToken))[0]
            .Where(f => f.CheckId == checkId).Select(f => f.Message).ToArray();

        if (expected is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Contains(findings, m => m.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Side effects are rare.", "Los efectos secundarios son raros.", null)]
    [InlineData("Your infusions will take an hour.", "Sus infusiones durarán una hora.", null)]
    // Only the lemma says that "vomita" is the glossary's "vomitar".
    [InlineData("If you vomit, call us.", "Si vomita, llámenos.", null)]
    [InlineData("Side effects are rare.", "Los efectos de lado son raros.", "\"efecto de lado\" is a forbidden translation")]
    public async Task With_the_analyser_glossary_terms_match_by_lemma(string source, string target, string? expected)
    {
        Requirements.Apertium();
        var glossary = Localize.Core.Glossaries.GlossaryCsvReader.Parse("""
            source,target,note
            side effect,efecto secundario,
            side effect,efecto de lado,forbidden: calque
            infusion,infusión,
            vomit,vomitar,
            """);
        var findings = (await new QualityChecker(glossary).RunAsync([new SegmentPair("en", "es", source, target)], TextForm.InlineMarkup, Analyser, TestContext.Current.CancellationToken))[0]
            .Where(f => f.CheckId == "glossary").Select(f => f.Message).ToArray();

        if (expected is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Contains(findings, m => m.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Without_the_analyser_a_need_not_is_still_caught_by_the_word_lists()
    {
        var findings = new QualityChecker().Run(new SegmentPair("en", "es", "You must not drink alcohol.", "No tienes que beber alcohol."));

        Assert.Contains(findings, f => f.CheckId == "prohibition" && f.Severity == Severity.Error && f.Message.Contains("need not", StringComparison.Ordinal));
        Assert.Equal("no morphological analyser is configured", NoMorphologicalAnalyser.Instance.Unavailable("es"));
    }

    private static List<string> Errors(QualityChecker checker, string source, string target, TextAnalysis? analysis) =>
        [.. checker.Run(new SegmentPair("en", "es", source, target) { TargetAnalysis = analysis })
            .Where(f => f.Severity == Severity.Error).Select(f => $"{f.CheckId}: {f.Message}")];
}
