using System.Text.Json;
using Localize.Core.Workflow;

namespace Localize.Core.Tests.Workflow;

/// <summary>A note's origin is stored and shown as the short text it always was, and read back to the same meaning.</summary>
public sealed class NoteOriginTests
{
    public static TheoryData<string, NoteOriginKind, string?, bool> Origins => new()
    {
        // stored text | kind | id | may a reviewer override an error from it
        { "check:numbers", NoteOriginKind.Check, "numbers", true },
        { "check:markup", NoteOriginKind.Check, "markup", false },
        { "engine:apertium", NoteOriginKind.Engine, "apertium", true },
        { "memory", NoteOriginKind.Memory, null, true },
        { "merge", NoteOriginKind.Merge, null, false },
    };

    [Theory]
    [MemberData(nameof(Origins))]
    public void Reads_back_what_it_writes(string text, NoteOriginKind kind, string? id, bool mayBeOverridden)
    {
        var origin = NoteOrigin.Parse(text);

        Assert.Equal((kind, id, mayBeOverridden, text), (origin.Kind, origin.Id, origin.MayBeOverridden, origin.ToString()));
    }

    [Fact]
    public void A_stored_note_keeps_its_origin_as_text()
    {
        var json = JsonSerializer.Serialize(new SegmentNote(NoteOrigin.Check("units"), NoteSeverity.Error, "mg became g"));

        Assert.Contains("\"Origin\":\"check:units\"", json, StringComparison.Ordinal);
        Assert.Equal(NoteOrigin.Check("units"), JsonSerializer.Deserialize<SegmentNote>(json)!.Origin);
    }

    [Theory]
    [InlineData("check:")]
    [InlineData("glossary")]
    [InlineData("Memory")]
    public void Refuses_text_it_never_writes(string text) =>
        Assert.Contains($"'{text}' is not a note origin", Assert.Throws<FormatException>(() => NoteOrigin.Parse(text)).Message);

    [Fact]
    public void A_reviewer_reads_a_checks_bare_id_and_any_other_origin_whole() =>
        Assert.Equal(("numbers", "engine:azure"), (NoteOrigin.Check("numbers").Name, NoteOrigin.Engine("azure").Name));
}
