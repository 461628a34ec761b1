using Localize.Core.Content;
using Localize.Core.Markdown;
using YamlDotNet.Serialization;

namespace Localize.Core.Tests.Markdown;

/// <summary>YAML front matter: fields as written, translated values quoted so YAML reads them back unchanged.</summary>
public sealed class FrontMatterTests
{
    private static readonly MarkdownFilter _filter = new(new MarkdownFilterOptions("es", ["title", "description", "summary"]));

    [Theory]
    [InlineData("plain", "Resfriado", "title: Resfriado")]
    [InlineData("plain", "Resfriado: qué hacer", "title: \"Resfriado: qué hacer\"")]
    [InlineData("plain", "#1 consejo", "title: \"#1 consejo\"")]
    [InlineData("plain", "true", "title: \"true\"")]
    [InlineData("plain", "Dosis \"alta\" \\ baja", "title: Dosis \"alta\" \\ baja")]
    [InlineData("double", "Dosis \"alta\" \\ baja", "title: \"Dosis \\\"alta\\\" \\\\ baja\"")]
    [InlineData("single", "Es un 'resfriado'", "title: 'Es un ''resfriado'''")]
    [InlineData("double", "Resfriado", "title: \"Resfriado\"")]
    [InlineData("literal", "Resfriado", "title: \"Resfriado\"")]
    public void Translated_values_are_written_so_yaml_reads_them_back(string style, string translation, string expectedLine)
    {
        var titleLine = style switch
        {
            "plain" => "title: A cold",
            "single" => "title: 'A cold'",
            "double" => "title: \"A cold\"",
            _ => "title: |\n  A cold",
        };
        var source = $"---\n{titleLine}\nslug: a-cold\n---\nBody.\n";
        var document = _filter.Extract(source);

        var merged = document.Merge([System.Security.SecurityElement.Escape(translation)!, "Body."]).Text!;

        Assert.Equal($"---\n{expectedLine}\nslug: a-cold\n---\nBody.\n", merged);
        var yaml = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(merged.Split('\n', 2)[1].Split("---")[0]);
        Assert.Equal(translation, yaml["title"]);
    }

    [Fact]
    public void Fields_are_read_as_yaml_values_and_lists_are_kept_but_not_listed()
    {
        var document = _filter.Extract("---\r\ntitle: 'It''s a cold'\r\nsummary: >-\r\n  Folded\r\n  text.\r\ntags: [nose, throat]\r\nslug: cold # the URL\r\n...\r\nBody.\r\n");

        Assert.Equal(new Dictionary<string, string> { ["title"] = "It's a cold", ["summary"] = "Folded text.", ["slug"] = "cold" }, document.Fields);
        Assert.Equal(["field:title", "field:summary", "p1"], document.Segments.Select(s => s.UnitId));
    }

    [Theory]
    [InlineData("---\n---\nBody.\n")]
    [InlineData("---\n# only a comment\n---\nBody.\n")]
    [InlineData("---\ntitle:\n---\nBody.\n")]
    public void Empty_front_matter_or_values_give_no_field_segments(string source)
    {
        var document = _filter.Extract(source);

        Assert.Equal(["p1"], document.Segments.Select(s => s.UnitId));
        Assert.Equal(source, document.Merge(["Body."]).Text);
    }

    [Fact]
    public void A_translatable_field_with_several_sentences_is_segmented_with_the_source_language_rules()
    {
        var document = _filter.Extract("---\ndescription: Lo atiende la Dra. Ruiz. Pida cita.\n---\n");

        Assert.Equal(["Lo atiende la Dra. Ruiz.", "Pida cita."], document.Segments.Select(s => s.Text));
    }

    [Fact]
    public void A_duplicated_field_is_an_error_naming_it()
    {
        var error = Assert.Throws<DocumentFormatException>(() => _filter.Extract("---\ntitle: A\ntitle: B\n---\n"));

        Assert.Equal("title", error.Field);
        Assert.Equal(3, error.Line);
    }
}
