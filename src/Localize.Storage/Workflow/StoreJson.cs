using System.Text.Json;
using System.Text.Json.Serialization;

namespace Localize.Storage.Workflow;

/// <summary>How the stores keep lists (approvers, notes, reviewers) in one text column: JSON with enums by name.</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };
}
