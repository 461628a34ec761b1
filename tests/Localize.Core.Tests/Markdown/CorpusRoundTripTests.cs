using Localize.Core.Markdown;
using Localize.Core.Translation;

namespace Localize.Core.Tests.Markdown;

/// <summary>
/// A sample of the benchmark corpus (the first 25 articles of <c>shared/bench/gen_corpus.py</c>, kept under
/// TestData/Markdown/corpus-sample) round-trips byte for byte and pseudo-merges. The full 1,000 articles are checked
/// with <c>localize roundtrip</c> (see bench/README.md).
/// </summary>
public sealed class CorpusRoundTripTests
{
    [Fact]
    public void Generated_articles_round_trip_byte_for_byte()
    {
        var folder = Path.GetDirectoryName(TestDataFile.PathOf("Markdown/corpus-sample/0000.md"))!;
        var files = Directory.GetFiles(folder, "*.md");
        Assert.Equal(25, files.Length);

        var filter = new MarkdownFilter(new MarkdownFilterOptions("en", ["title", "description"]));
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            var document = filter.Extract(source);

            Assert.Equal(source, document.Merge(document.Segments.Select(s => s.Text).ToList()).Text);
            Assert.True(document.Merge(document.Segments.Select(s => PseudoLocalizer.Localize(s.Text)).ToList()).Succeeded, Path.GetFileName(file));
        }
    }
}
