using Localize.Core.Audit;
using Microsoft.Extensions.Logging;

namespace Localize.Hosting;

/// <summary>
/// Finds the audit key: configuration first (<c>Localize:Audit:Key</c>, for a key vault or the environment), else the
/// key file <c>audit.key</c> in the data folder, else a new key written there. The key is never in the database: with
/// the key file, whoever copies or edits the database alone still cannot forge the trail; with a vault, neither can
/// whoever has the data folder.
/// </summary>
public static class AuditKeySource
{
    public const string KeyFileName = "audit.key";

    public static AuditKey Resolve(AuditOptions audit, LocalizeOptions options, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(audit.Key))
        {
            var configured = AuditKey.FromBase64(audit.Key, $"{AuditOptions.Section}:Key");
            logger.LogDebug("Audit trail sealed with audit key {KeyId} from configuration", configured.Id);
            return configured;
        }

        var path = Path.Combine(Path.GetFullPath(options.DataFolder, options.ResolvedRoot), KeyFileName);
        var generated = !File.Exists(path) && TryCreate(path, AuditKey.Generate());
        var key = AuditKey.FromBase64(File.ReadAllText(path), path);
        // Said loudly once, when the key is made (and quietly at every start of the server after that).
        logger.Log(
            generated ? LogLevel.Warning : LogLevel.Information,
            "Audit trail sealed with audit key {KeyId} from the key file {Path}{Generated}: anyone who can read that file can forge the trail; "
            + "in production keep the key in a key vault, pass it as Localize__Audit__Key and delete the file",
            key.Id,
            path,
            generated ? " (generated now: no Localize:Audit:Key is configured)" : string.Empty);
        return key;
    }

    /// <summary>Writes a new key readable by its owner only; when another process got there first, its key stands.</summary>
    private static bool TryCreate(string path, AuditKey key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, create))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(key.ToBase64());
        }

        try
        {
            // Not overwriting: two processes starting at once on a fresh install end up with the first one's key.
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }
}
