using System.Text.Json;
using System.Text.Json.Serialization;

namespace Localize.Core.Dashboard;

public static class DashboardJson
{
    /// <summary>The JSON of every dashboard view, in the endpoints and in <c>localize status --json</c>: camelCase, enums as words.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };
}
