using System.Text.Json;
using System.Text.Json.Serialization;
using Localize.Core.Checks;

namespace Localize.Core.Workflow;

/// <summary>What kind of thing raised a note.</summary>
public enum NoteOriginKind
{
    /// <summary>A quality check (<see cref="IQualityCheck.Id"/>).</summary>
    Check,

    /// <summary>A machine-translation engine (its id).</summary>
    Engine,

    /// <summary>Translation memory supplied the target.</summary>
    Memory,

    /// <summary>The approved target could not be merged back into the article.</summary>
    Merge,
}

/// <summary>
/// Who raised a note: a check, an engine, translation memory or the merge. It is stored and shown as one short text
/// (<c>check:numbers</c>, <c>engine:apertium</c>, <c>memory</c>, <c>merge</c>) and read back here, the one place that
/// knows that text; everything else asks the type (its kind, its id, whether a reviewer may override it).
/// </summary>
[JsonConverter(typeof(NoteOriginJsonConverter))]
public sealed record NoteOrigin
{
    private const string CheckPrefix = "check:";
    private const string EnginePrefix = "engine:";
    private const string MemoryText = "memory";
    private const string MergeText = "merge";

    private NoteOrigin(NoteOriginKind kind, string? id)
    {
        Kind = kind;
        Id = id;
    }

    public static NoteOrigin Memory { get; } = new(NoteOriginKind.Memory, null);

    public static NoteOrigin Merge { get; } = new(NoteOriginKind.Merge, null);

    public NoteOriginKind Kind { get; }

    /// <summary>The check's or the engine's id; null for memory and merge.</summary>
    public string? Id { get; }

    /// <summary>
    /// Whether a reviewer may approve over an error from this origin, giving a reason. Broken inline codes (the markup
    /// check) and a failed merge cannot be approved whatever the reason: the target could not be put back into the page.
    /// </summary>
    public bool MayBeOverridden => Kind switch
    {
        NoteOriginKind.Merge => false,
        NoteOriginKind.Check => Id != MarkupCheck.CheckId,
        _ => true,
    };

    /// <summary>The name a reviewer reads in a refusal or an override record: a check's bare id, any other origin whole.</summary>
    public string Name => Kind == NoteOriginKind.Check ? Id! : ToString();

    public static NoteOrigin Check(string checkId) => new(NoteOriginKind.Check, Required(checkId, nameof(checkId)));

    public static NoteOrigin Engine(string engineId) => new(NoteOriginKind.Engine, Required(engineId, nameof(engineId)));

    /// <summary>Reads the stored text back; anything this type never writes is refused.</summary>
    public static NoteOrigin Parse(string text) => text switch
    {
        MemoryText => Memory,
        MergeText => Merge,
        _ when text.StartsWith(CheckPrefix, StringComparison.Ordinal) && text.Length > CheckPrefix.Length => Check(text[CheckPrefix.Length..]),
        _ when text.StartsWith(EnginePrefix, StringComparison.Ordinal) && text.Length > EnginePrefix.Length => Engine(text[EnginePrefix.Length..]),
        _ => throw new FormatException($"'{text}' is not a note origin (check:<id>, engine:<id>, memory or merge)"),
    };

    public override string ToString() => Kind switch
    {
        NoteOriginKind.Check => CheckPrefix + Id,
        NoteOriginKind.Engine => EnginePrefix + Id,
        NoteOriginKind.Memory => MemoryText,
        _ => MergeText,
    };

    private static string Required(string id, string name) =>
        string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("an origin needs an id", name) : id;
}

/// <summary>Keeps the stored and served form of an origin the short text it always was.</summary>
public sealed class NoteOriginJsonConverter : JsonConverter<NoteOrigin>
{
    public override NoteOrigin Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NoteOrigin.Parse(reader.GetString() ?? throw new JsonException("a note origin is a text"));

    public override void Write(Utf8JsonWriter writer, NoteOrigin value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
