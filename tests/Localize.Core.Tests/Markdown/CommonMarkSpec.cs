using System.Text.Json;
using System.Text.RegularExpressions;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Translation;
using Markdig;

namespace Localize.Core.Tests.Markdown;

/// <summary>The CommonMark 0.31.2 spec examples, and the helpers every round-trip test shares.</summary>
internal static partial class CommonMarkSpec
{
    private static readonly Lazy<IReadOnlyList<SpecExample>> _examples = new(Load);
    private static readonly MarkdownPipeline _commonMark = new MarkdownPipelineBuilder().Build();

    public static IReadOnlyList<SpecExample> Examples => _examples.Value;

    public static TheoryData<int> ExampleNumbers()
    {
        var data = new TheoryData<int>();
        foreach (var example in Examples)
        {
            data.Add(example.Example);
        }

        return data;
    }

    public static SpecExample Get(int number) => Examples[number - 1];

    /// <summary>A filter for Markdown snippets: no front matter (a leading "---" is a thematic break there).</summary>
    public static MarkdownFilter SnippetFilter { get; } = new(new MarkdownFilterOptions("en", []) { ReadFrontMatter = false });

    public static string? Pseudo(LocalizableDocument document) =>
        document.Merge(document.Segments.Select(s => PseudoLocalizer.Localize(s.Text)).ToList()).Text;

    public static string Identity(LocalizableDocument document) =>
        document.Merge(document.Segments.Select(s => s.Text).ToList()).Text!;

    /// <summary>The element tree of the CommonMark rendering: start and end tags in order, text and attributes aside.</summary>
    public static string ElementTree(string markdown) =>
        string.Join(" ", TagPattern().Matches(Markdig.Markdown.ToHtml(markdown, _commonMark)).Select(m => m.Value.ToLowerInvariant()));

    [GeneratedRegex("</?[a-zA-Z][a-zA-Z0-9-]*")]
    private static partial Regex TagPattern();

    private static IReadOnlyList<SpecExample> Load()
    {
        using var stream = File.OpenRead(TestDataFile.PathOf("Markdown/commonmark-spec-0.31.2.json"));
        return JsonSerializer.Deserialize<List<SpecExample>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}

internal sealed record SpecExample(string Markdown, string Html, int Example, string Section);
