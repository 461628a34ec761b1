namespace Localize.Core.Tests.Markdown;

/// <summary>
/// Issue 4's bar, one case per CommonMark 0.31.2 example: extracting and merging the source back gives the example
/// byte for byte, and merging a pseudo-translation gives Markdown whose CommonMark rendering has the same elements.
/// </summary>
public sealed class CommonMarkSpecRoundTripTests
{
    [Theory]
    [MemberData(nameof(CommonMarkSpec.ExampleNumbers), MemberType = typeof(CommonMarkSpec))]
    public void Identity_merge_is_byte_identical(int example)
    {
        var source = CommonMarkSpec.Get(example).Markdown;

        var merged = CommonMarkSpec.Identity(CommonMarkSpec.SnippetFilter.Extract(source));

        Assert.Equal(source, merged);
    }

    [Theory]
    [MemberData(nameof(CommonMarkSpec.ExampleNumbers), MemberType = typeof(CommonMarkSpec))]
    public void Pseudo_merge_renders_the_same_element_tree(int example)
    {
        var source = CommonMarkSpec.Get(example).Markdown;

        var merged = CommonMarkSpec.Pseudo(CommonMarkSpec.SnippetFilter.Extract(source));

        Assert.NotNull(merged);
        Assert.Equal(CommonMarkSpec.ElementTree(source), CommonMarkSpec.ElementTree(merged));
    }

    /// <summary>
    /// Keeps the pseudo test honest: a filter that translated nothing would pass it trivially. 454 of the 652 examples
    /// have text to translate (the rest are code, HTML, rules, definitions or punctuation only).
    /// </summary>
    [Fact]
    public void The_pseudo_test_translates_the_examples_that_have_text()
    {
        var translated = CommonMarkSpec.Examples.Count(e => CommonMarkSpec.SnippetFilter.Extract(e.Markdown).Segments.Count > 0);

        Assert.Equal(454, translated);
    }
}
