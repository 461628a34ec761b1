using System.ComponentModel.DataAnnotations;

namespace Localize.Hosting;

/// <summary>The <c>Localize</c> configuration section (appsettings.json, or environment variables <c>Localize__Root</c> …).</summary>
public sealed class LocalizeOptions
{
    public const string Section = "Localize";

    /// <summary>
    /// The repository folder holding <c>pipelines/</c>, <c>content/</c> and <c>translations/</c>; empty means the
    /// nearest folder, from the current directory upwards, that has a <c>pipelines/</c> folder.
    /// </summary>
    public string Root { get; set; } = string.Empty;

    /// <summary>Where the embedded database lives, relative to <see cref="Root"/> unless absolute.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// A PostgreSQL connection string (<c>Host=…;Database=…;Username=…;Password=…</c>): every worker and web app given
    /// the same one shares one database, which is how Localize scales out. Empty: the embedded SQLite file under
    /// <see cref="DataFolder"/>.
    /// </summary>
    public string PostgreSql { get; set; } = string.Empty;

    /// <summary>
    /// How long a worker's claim on a batch of segments holds. It must outlast one batch through the engine; a worker
    /// killed mid-batch delays that batch by at most this long before another worker takes it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Which parts this process runs: the worker, the web app, or both (the same binary scales out).</summary>
    public bool RunWorker { get; set; } = true;

    public bool RunWeb { get; set; } = true;

    /// <summary>
    /// A readers' instance: the web app serves only the public site and its read-only content API (no sign-in, review or
    /// dashboard), and answers pages on the socket's own thread instead of handing each request to the thread pool —
    /// safe because nothing a reader asks for blocks. It runs no worker, whatever <see cref="RunWorker"/> says. Run it on
    /// the same database and content store as the workers, for readers' traffic.
    /// </summary>
    public bool PublicSiteOnly { get; set; }

    /// <summary>How often the worker looks for work when no file change woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public string ResolvedRoot => string.IsNullOrWhiteSpace(Root) ? FindRepositoryRoot(Directory.GetCurrentDirectory()) : Path.GetFullPath(Root);

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataFolder, ResolvedRoot), "localize.db");

    public string PipelinesFolder => Path.Combine(ResolvedRoot, "pipelines");

    private static string FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "pipelines")))
            {
                return folder.FullName;
            }
        }

        return Path.GetFullPath(start);
    }
}
