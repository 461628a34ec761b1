using System.Text.RegularExpressions;
using Localize.Core.Markdown;
using Localize.Core.Translation;
using Markdig;

namespace Localize.Core.Tests.Markdown;

/// <summary>
/// The GitHub-flavoured extras patient articles use: pipe tables, task lists, extended autolinks, footnotes and YAML
/// front matter. Each round-trips byte for byte, and a pseudo-translation renders (GFM pipeline) to the same elements.
/// </summary>
public sealed partial class GfmRoundTripTests
{
    private static readonly MarkdownFilter _filter = new(new MarkdownFilterOptions("en", ["title", "description"]));
    private static readonly MarkdownPipeline _gfm = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().UseAutoLinks().UseFootnotes().Build();

    public static TheoryData<string, string> Documents() => new()
    {
        { "pipe table", """
            | Medicine | Dose | Notes |
            |:---------|-----:|:-----:|
            | Salbutamol | 100 mcg | Use *as needed*. Not daily. |
            | Budesonide | `200` | Rinse \| spit |
            Paracetamol | 500 mg | no outer pipes

            """ },
        { "task list", """
            - [ ] Check the inhaler
            - [x] Book a review with **Dr. Lee**
              * [ ] nested task
            1. [ ] numbered task

            """ },
        { "extended autolinks", "Visit www.example.org, https://nhs.example.uk/asthma or mail help@example.org today.\n" },
        { "footnotes", """
            Asthma is common.[^1] Most children outgrow it.[^note]

            [^1]: Guidance from the national health service.
                It was updated in 2025.

            [^note]: See the *long* note.

            """ },
        { "front matter", """
            ---
            title: "Asthma: an overview"
            description: >
              Living with asthma. What helps.
            tags:
              - lungs
              - children
            slug: asthma   # kept as written, comment included
            date: 2026-01-05
            ---
            # Asthma

            Body text.

            """ },
        { "everything, CRLF", "---\r\ntitle: Asthma\r\n---\r\n| A | B |\r\n|---|---|\r\n| x y | z |\r\n\r\n- [ ] task www.example.org[^1]\r\n\r\n[^1]: Note.\r\n" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Identity_merge_is_byte_identical(string name, string source)
    {
        var document = _filter.Extract(source);

        Assert.True(document.Segments.Count > 0, name);
        Assert.Equal(source, document.Merge(document.Segments.Select(s => s.Text).ToList()).Text);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Pseudo_merge_renders_the_same_elements(string name, string source)
    {
        var document = _filter.Extract(source);

        var merged = document.Merge(document.Segments.Select(s => PseudoLocalizer.Localize(s.Text)).ToList()).Text;

        Assert.NotNull(merged);
        Assert.Equal(Tree(source), Tree(merged));
        Assert.True(merged.Contains("[!!", StringComparison.Ordinal), name);
    }

    [Fact]
    public void Table_cells_are_units_and_pipes_stay_in_the_skeleton()
    {
        var document = _filter.Extract("| Medicine | Notes |\n|---|---|\n| Salbutamol | Rinse \\| spit |\n");

        Assert.Equal(
            [("td1", "Medicine"), ("td2", "Notes"), ("td3", "Salbutamol"), ("td4", "Rinse <ph id=\"1\"/> spit")],
            document.Segments.Select(s => (s.UnitId, s.Text)));
        var targets = new[] { "Medicamento", "Notas", "Salbutamol", "Enjuagar <ph id=\"1\"/> escupir | no tragar" };
        Assert.Equal("| Medicamento | Notas |\n|---|---|\n| Salbutamol | Enjuagar \\| escupir \\| no tragar |\n", document.Merge(targets).Text);
    }

    [Fact]
    public void A_task_box_is_structure_not_part_of_the_sentence()
    {
        var document = _filter.Extract("- [x] Book a review\n");

        Assert.Equal("Book a review", Assert.Single(document.Segments).Text);
        Assert.Equal("- [x] Reservar una cita\n", document.Merge(["Reservar una cita"]).Text);
    }

    [Fact]
    public void Addresses_and_footnote_references_are_codes_and_footnote_text_is_translated()
    {
        var document = _filter.Extract("See www.example.org today.[^1]\n\n[^1]: The source.\n");

        Assert.Equal(["See <ph id=\"1\"/> today.<ph id=\"2\"/>", "The source."], document.Segments.Select(s => s.Text));
        Assert.Equal(["autolink:www.example.org", "markup:[^1]"], document.Segments[0].Codes.Select(c => c.Kind + ":" + c.Opening));
    }

    private static string Tree(string markdown) =>
        string.Join(" ", TagPattern().Matches(Markdig.Markdown.ToHtml(markdown, _gfm)).Select(m => m.Value));

    [GeneratedRegex("</?[a-zA-Z][a-zA-Z0-9-]*")]
    private static partial Regex TagPattern();
}
