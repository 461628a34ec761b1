using System.ComponentModel.DataAnnotations;

namespace Localize.Hosting;

/// <summary>
/// The <c>Localize:Audit</c> section. <see cref="Key"/> is a secret: set it from a key vault or the environment
/// (<c>Localize__Audit__Key</c>), never in a file under version control.
/// </summary>
public sealed class AuditOptions
{
    public const string Section = "Localize:Audit";

    /// <summary>
    /// The audit key, base64 of at least 32 random bytes (<c>openssl rand -base64 32</c>). Empty: the key file
    /// <c>audit.key</c> in the data folder, generated at the first start.
    /// </summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>How often the worker anchors the trail's head in the content store when no publish did.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);
}
