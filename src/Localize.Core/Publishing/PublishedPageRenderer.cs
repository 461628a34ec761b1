using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.RepresentationModel;

namespace Localize.Core.Publishing;

/// <summary>
/// Renders a published localized Markdown file to the HTML the public site shows. Raw HTML in the Markdown is not
/// passed through, and the result goes through an allow-list sanitiser as well: Markdig still emits links, and a
/// <c>javascript:</c> link or an attribute a future extension lets through must not reach a reader either.
/// </summary>
public static class PublishedPageRenderer
{
    // HtmlSanitizer's Sanitize is safe to call concurrently once configured; building it is the costly part.
    private static readonly HtmlSanitizer Sanitizer = new();

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static PublishedPage Render(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var fields = ReadFrontMatter(document.Descendants<YamlFrontMatterBlock>().FirstOrDefault(), markdown);
        var html = Sanitizer.Sanitize(document.ToHtml(Pipeline));
        return new PublishedPage(fields.GetValueOrDefault("title") ?? string.Empty, fields.GetValueOrDefault("description"), fields, html);
    }

    private static Dictionary<string, string> ReadFrontMatter(YamlFrontMatterBlock? block, string markdown)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (block is null)
        {
            return fields;
        }

        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping)
            {
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text })
                    {
                        fields[name] = text;
                    }
                }
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // Published files are written by the pipeline from valid front matter; a hand-edited broken one still renders its body.
        }

        return fields;
    }
}

public sealed record PublishedPage(string Title, string? Description, IReadOnlyDictionary<string, string> Fields, string Html);
