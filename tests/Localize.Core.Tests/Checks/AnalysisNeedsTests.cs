using Localize.Core.Checks;
using Localize.Core.Checks.Analysis;
using Localize.Core.Glossaries;

namespace Localize.Core.Tests.Checks;

/// <summary>
/// A batch is checked with one analyser call for the targets some check needs read, and none for the others: a source
/// that forbids something (the prohibition check reads moods), a glossary term not found as written (lemmas), a word
/// that may be glued.
/// </summary>
public sealed class AnalysisNeedsTests
{
    private static readonly SegmentPair[] NothingToRead =
    [
        new("en", "es", "Take 500 mg of ibuprofen every 6 hours.", "Tome 500 mg de ibuprofeno cada 6 horas."),
        new("en", "es", "See your doctor if the fever lasts.", "Consulte a su médico si la fiebre dura."),
        new("en", "es", "Side effects are rare.", "Los efectos secundarios son raros."),
    ];

    [Fact]
    public async Task A_batch_with_no_prohibition_no_missing_term_and_no_long_word_costs_no_analyser_call()
    {
        var analyser = new CountingAnalyser();
        var glossary = GlossaryCsvReader.Parse("source,target,note\nside effect,efecto secundario,\n");

        await new QualityChecker(glossary).RunAsync(NothingToRead, TextForm.Markdown, analyser, TestContext.Current.CancellationToken);

        Assert.Empty(analyser.Calls);
    }

    [Fact]
    public async Task The_targets_some_check_needs_read_go_to_the_analyser_together_in_one_call()
    {
        var analyser = new CountingAnalyser();
        var glossary = GlossaryCsvReader.Parse("source,target,note\nvomit,vomitar,\n");
        SegmentPair[] batch =
        [
            .. NothingToRead,
            new("en", "es", "Do not drive yourself home.", "No conduzca de regreso a casa."),
            new("en", "es", "If you vomit, call us.", "Si vomita, llámenos."),
            new("en", "es", "Read the safety profile.", "Lea el perfildeseguridad."),
        ];

        var findings = await new QualityChecker(glossary).RunAsync(batch, TextForm.Markdown, analyser, TestContext.Current.CancellationToken);

        var call = Assert.Single(analyser.Calls);
        Assert.Equal(["No conduzca de regreso a casa.", "Si vomita, llámenos.", "Lea el perfildeseguridad."], call);
        Assert.Equal(batch.Length, findings.Count);
    }

    /// <summary>Records what it is asked to read and reads nothing, like an analyser without a model for the words.</summary>
    private sealed class CountingAnalyser : IMorphologicalAnalyser
    {
        public List<string[]> Calls { get; } = [];

        public string? Unavailable(string locale) => null;

        public Task<IReadOnlyList<TextAnalysis?>> AnalyseAsync(string locale, IReadOnlyList<string> plainTexts, CancellationToken cancellationToken)
        {
            Calls.Add([.. plainTexts]);
            return Task.FromResult<IReadOnlyList<TextAnalysis?>>(new TextAnalysis?[plainTexts.Count]);
        }
    }
}
