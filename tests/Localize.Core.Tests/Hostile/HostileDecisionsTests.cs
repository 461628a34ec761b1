using System.Text;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Pipelines;
using Localize.Core.Workflow;

namespace Localize.Core.Tests.Hostile;

/// <summary>
/// The decisions of issue 13 at the reader level, as a table: what an article file may hold (accepted as written) and
/// what it may not (one error, with the line where it is). The integration corpus runs the same kinds of files
/// through the worker; this is the quick specification.
/// </summary>
public sealed class HostileDecisionsTests
{
    private static readonly ArticleReader Reader = new(new MarkdownFilter(new MarkdownFilterOptions("en", ["title", "description"])));

    public static TheoryData<string, string, string, int?> Refused => new()
    {
        { "bidi override (Trojan Source)", "---\ntitle: T\n---\n\nTake \u202E01\u202C tablets.\n", "U+202E", 5 },
        { "bidi isolate in the title", "---\ntitle: A \u2066B\u2069\n---\n\nText.\n", "U+2066", 2 },
        { "NUL byte", "---\ntitle: T\n---\n\nTwo\0 tablets.\n", "U+0000 (NUL)", 5 },
        { "escape character", "---\ntitle: T\n---\n\n\u001B[31mRed\n", "U+001B", 5 },
        { "CR-only line endings", "---\rtitle: T\r---\r\rText.\r", "old Mac line endings", null },
        { "empty file", "", "the file is empty", null },
        { "title: ~", "---\ntitle: ~\n---\n\nText.\n", "no title", 2 },
        { "Windows device name as slug", "---\ntitle: T\nslug: aux\n---\n\nText.\n", "reserved by Windows", 3 },
        { "tab-indented front matter", "---\ntitle: T\ntags:\n\t- a\n---\n\nText.\n", "indented with a tab", 4 },
        { "10,000 brackets after front matter", "---\ntitle: T\n---\n\n" + new string('[', 10_000) + "\n", "nested more than", 5 },
        { "list items one level deeper on every line", "---\ntitle: T\n---\n\n" + ListLinesEachDeeper(200), "more than 128 levels deep", 133 },
        { "list items nested on one line", "---\ntitle: T\n---\n\nText.\n\n" + string.Concat(Enumerable.Repeat("- ", 200)) + "x\n", "more than 128 levels deep", 7 },
        { "tab-indented lists", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Range(0, 100).Select(i => new string('\t', i) + "- item\n")), "more than 128 levels deep", 69 },
        { "quotes one level deeper on every line", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Range(1, 200).Select(i => new string('>', i) + " x\n")), "more than 128 levels deep", 133 },
        { "ordered lists one level deeper on every line", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 3 * i) + "1. item\n")), "more than 128 levels deep", 90 },
        { "unclosed link destinations", "---\ntitle: T\n---\n\nSee.\n" + string.Concat(Enumerable.Repeat("[a](", 6_000)) + "\n", "unclosed link destinations", 6 },
        { "a few unclosed link destinations before a long word", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Repeat("[a](", 30)) + new string('a', 2_000_000) + "\n", "unclosed link destinations", 5 },
        { "8,000 emphasized letters in one paragraph", "---\ntitle: T\n---\n\nEnd. " + string.Concat(Enumerable.Repeat("*a*", 8_000)) + "\n", "too many emphasis markers", 5 },
        { "paragraphs of 2,000 emphasis markers, one after the other", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("*a* ", 1_000)) + "\n\n", 10)), "too many emphasis markers", 19 },
        { "5,000 reference links to labels never defined", "---\ntitle: T\n---\n\nSee " + string.Concat(Enumerable.Repeat("[a][b] ", 5_000)) + "\n", "too many reference links", 5 },
        { "a table of 33,333 rows of two cells (100,005 '|')", "---\ntitle: T\n---\n\n| a | b |\n|---|---|\n" + string.Concat(Enumerable.Repeat("| x | y |\n", 33_333)), "more than 100,000 table cells", 33_338 },
        { "10,001 reference definitions", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"[r{i}]: https://example.org/{i}\n")), "more than 10,000 link reference definitions", 10_005 },
    };

    private static string ListLinesEachDeeper(int lines) =>
        string.Concat(Enumerable.Range(0, lines).Select(i => new string(' ', 2 * i) + "- item\n"));

    [Theory]
    [MemberData(nameof(Refused))]
    public void Is_refused_with_the_line(string what, string text, string words, int? line)
    {
        var error = Assert.Throws<DocumentFormatException>(() => Reader.Read("content/a.md", Encoding.UTF8.GetBytes(text)));

        Assert.True(error.Message.Contains(words, StringComparison.Ordinal), $"{what}: {error.Message}");
        Assert.Equal(line, error.Line);
    }

    public static TheoryData<string, string> Accepted => new()
    {
        { "CRLF line endings", "---\r\ntitle: T\r\n---\r\n\r\nText.\r\n" },
        { "mixed line endings", "---\r\ntitle: T\n---\n\r\nOne.\nTwo.\r\n" },
        { "zero-width space and joiner", "---\ntitle: T\n---\n\nA soft\u200Bbreak and a family \U0001F468\u200D\U0001F469.\n" },
        { "form feed", "---\ntitle: T\n---\n\nPage one.\n\f\nPage two.\n" },
        // Near the limits on input that takes Markdig time faster than its size grows, and what only looks like it.
        { "lists nested 60 deep", "---\ntitle: T\n---\n\n" + ListLinesEachDeeper(60) },
        { "code indented 200 columns in a fence", "---\ntitle: T\n---\n\n```\n" + new string(' ', 200) + "x = 1\n```\n" },
        { "a thematic break of 5,000 dashes", "---\ntitle: T\n---\n\nText.\n\n" + new string('-', 5_000) + "\n\nMore.\n" },
        { "2,000 links on one line", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"[link {i}](https://example.org/{i}) ")) + "\n" },
        { "an image as a 1 MB data URI", "---\ntitle: T\n---\n\n![Chart](data:image/png;base64," + new string('A', 1_000_000) + ")\n" },
        { "a paragraph with 1,000 emphasized words", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Repeat("*word* and ", 1_000)) + "\n" },
        { "a tight list of 3,000 items in bold", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Range(0, 3_000).Select(i => $"- **Drug {i}**: _one_ tablet\n")) },
        { "a line break written as a backslash at the line's end", "---\ntitle: T\n---\n\nTake one tablet\\\nwith water.\n" },
        { "60,000 escaped asterisks", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Repeat("\\*", 60_000)) + "\n" },
        { "60,000 underscores inside words", "---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Repeat("dose_per_kg ", 30_000)) + "\n" },
        { "a table of 16,000 rows", "---\ntitle: T\n---\n\n| Drug | Dose |\n|---|---|\n" + string.Concat(Enumerable.Range(0, 16_000).Select(i => $"| drug {i} | {i} mg |\n")) },
        { "1,000 reference definitions", "---\ntitle: T\n---\n\nSee [r1].\n\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"[r{i}]: https://example.org/{i} \"Source {i}\"\n")) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Is_accepted_exactly_as_written(string what, string text)
    {
        var article = Reader.Read("content/a.md", Encoding.UTF8.GetBytes(text));

        Assert.True(article.SourceText == text, what);
    }

    [Fact]
    public void Front_matter_nested_200000_deep_is_refused_at_once_not_parsed_for_minutes()
    {
        var text = "---\ntitle: T\ntags: " + new string('[', 200_000) + "x" + new string(']', 200_000) + "\n---\n\nText.\n";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<DocumentFormatException>(() => Reader.Read("content/a.md", Encoding.UTF8.GetBytes(text)));

        Assert.Equal("tags", error.Field);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");  // minutes if parsed: a guard, not a speed test
    }

    [Fact]
    public void Lists_3000_levels_deep_are_refused_at_once_not_parsed_for_a_minute()
    {
        var text = "---\ntitle: T\n---\n\n" + ListLinesEachDeeper(3_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<DocumentFormatException>(() => Reader.Read("content/a.md", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(133, error.Line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");  // 45 s if parsed: a guard, not a speed test
    }

    [Fact]
    public void A_binary_file_is_named_as_one()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var error = Assert.Throws<DocumentFormatException>(() => Reader.Read("content/photo.md", png));

        Assert.Contains("binary file", error.Message);
    }

    [Fact]
    public void A_slug_from_a_bad_file_name_says_to_rename_the_file_or_declare_a_slug()
    {
        var error = Assert.Throws<DocumentFormatException>(() => Reader.Read("content/My Notes.md", Encoding.UTF8.GetBytes("---\ntitle: T\n---\n\nText.\n")));

        Assert.Contains("rename the file or add 'slug: …'", error.Message);
        Assert.Equal("slug", error.Field);
    }

    [Theory]
    [InlineData("\"../**/*.md\"")]
    [InlineData("/etc/**/*.md")]
    public void A_pipeline_include_glob_cannot_leave_the_source_folder(string include)
    {
        var yaml = $"name: p\nsource:\n  folder: content\n  include: {include}\nlocales:\n  - code: es\n    engine: pseudo\n";

        var error = Assert.Throws<PipelineDefinitionException>(() => new PipelineDefinitionReader(new HashSet<string> { "pseudo" }, new("pseudo", "pseudo"), new HashSet<string>()).Read(yaml, "pipelines/p.yaml"));

        Assert.Equal("source.include", error.Field);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void A_pipeline_file_nested_200000_deep_is_refused_at_once_without_overflowing_the_stack()
    {
        var yaml = "name: p\nsource:\n  folder: content\n  fields: " + new string('[', 200_000) + "x" + new string(']', 200_000) + "\n";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<PipelineDefinitionException>(() => new PipelineDefinitionReader(new HashSet<string> { "pseudo" }, new("pseudo", "pseudo"), new HashSet<string>()).Read(yaml, "pipelines/p.yaml"));

        Assert.Contains("nested more than", error.Problem);
        Assert.Equal(4, error.Line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");  // minutes if parsed: a guard, not a speed test
    }

    [Fact]
    public void A_step_failing_run_after_run_is_worth_logging_once_and_its_recovery_once()
    {
        var problems = new PipelineRunProblems();
        var at = DateTimeOffset.UnixEpoch;

        Assert.True(problems.Record("p", "publish", "IOException: No space left on device", at));
        Assert.False(problems.Record("p", "publish", "IOException: No space left on device", at.AddSeconds(10)));
        Assert.True(problems.Record("p", "publish", "IOException: Permission denied", at.AddSeconds(20)));
        Assert.Equal("IOException: Permission denied", Assert.Single(problems.Current).Message);
        Assert.True(problems.Clear("p", "publish"));
        Assert.False(problems.Clear("p", "publish"));
        Assert.Empty(problems.Current);
    }
}
