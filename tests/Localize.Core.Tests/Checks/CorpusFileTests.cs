using System.Text.Json;

namespace Localize.Core.Tests.Checks;

/// <summary>
/// <c>pairs.jsonl</c> next to this file is the Markdown part of <see cref="CheckCorpus"/> in the CLI's input format,
/// with an extra <c>expect</c> field the CLI ignores, and <c>glossary.csv</c> is its glossary:
/// <c>localize check --pairs tests/Localize.Core.Tests/Checks/pairs.jsonl --from en --to es --glossary
/// tests/Localize.Core.Tests/Checks/glossary.csv --json</c>. These tests keep the files and the table together.
/// </summary>
public sealed class CorpusFileTests
{
    [Fact]
    public void The_jsonl_file_is_the_markdown_corpus()
    {
        var expected = CheckCorpus.Correct.Concat(CheckCorpus.Wrong)
            .Where(p => !p.Tagged && p.Locale == "es")
            .Select(p => (p.Source, p.Target, p.Expected ?? "none"))
            .ToList();

        var actual = File.ReadLines(Locate()).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return (root.GetProperty("source").GetString()!, root.GetProperty("target").GetString()!, root.GetProperty("expect").GetString()!);
        }).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_csv_file_is_the_corpus_glossary() =>
        Assert.Equal(CheckCorpus.GlossaryCsv.ReplaceLineEndings("\n") + "\n", File.ReadAllText(Locate("glossary.csv")).ReplaceLineEndings("\n"));

    private static string Locate(string name = "pairs.jsonl")
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Localize.Core.Tests", "Checks", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name} not found above {AppContext.BaseDirectory}");
    }
}
