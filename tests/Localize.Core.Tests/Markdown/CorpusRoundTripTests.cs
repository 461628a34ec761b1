using System.Diagnostics;
using Localize.Core.Markdown;
using Localize.Core.Translation;

namespace Localize.Core.Tests.Markdown;

/// <summary>
/// A small sample of the benchmark corpus (<c>shared/bench/gen_corpus.py</c>, 25 articles) round-trips byte for byte
/// and pseudo-merges. The full 1,000 articles are checked with <c>localize roundtrip</c> (see bench/README.md).
/// Skipped, saying why, where python3 or the generator is not available.
/// </summary>
public sealed class CorpusRoundTripTests
{
    [Fact]
    public void Generated_articles_round_trip_byte_for_byte()
    {
        var generator = FindGenerator();
        if (generator is null)
        {
            Assert.Skip("shared/bench/gen_corpus.py not found above the test binaries");
        }

        var folder = Directory.CreateTempSubdirectory("localize-corpus-");
        try
        {
            if (!Generate(generator, folder.FullName))
            {
                Assert.Skip("python3 is not available to generate the corpus sample");
            }

            var filter = new MarkdownFilter(new MarkdownFilterOptions("en", ["title", "description"]));
            var files = folder.GetFiles("*.md");
            Assert.Equal(25, files.Length);
            foreach (var file in files)
            {
                var source = File.ReadAllText(file.FullName);
                var document = filter.Extract(source);

                Assert.Equal(source, document.Merge(document.Segments.Select(s => s.Text).ToList()).Markdown);
                Assert.True(document.Merge(document.Segments.Select(s => PseudoLocalizer.Localize(s.Text)).ToList()).Succeeded, file.Name);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? FindGenerator()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench", "gen_corpus.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool Generate(string generator, string folder)
    {
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", [generator, folder, "25"]) { RedirectStandardOutput = true });
            if (python is null)
            {
                return false;
            }

            python.StandardOutput.ReadToEnd();
            python.WaitForExit();
            return python.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
