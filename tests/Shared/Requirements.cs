namespace Localize.Testing;

/// <summary>
/// External programs some tests need. Plain <c>dotnet test</c> skips such a test, visibly and with the reason; the
/// README's test command sets <c>LOCALIZE_REQUIRE_ALL=1</c>, under which a missing dependency fails the test instead.
/// </summary>
public static class Requirements
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("LOCALIZE_REQUIRE_ALL") == "1";

    public static void Apertium() => Need(
        File.Exists("/usr/share/apertium/modes/eng-spa.mode") && OnPath("apertium"),
        "Apertium with apertium-eng-spa is not installed (apt-get install apertium apertium-eng-spa)");

    /// <summary>
    /// Azurite's blob service from npm: <c>.tools/azurite</c> in the repository (where <c>tests/run.sh</c> installs it),
    /// or <c>azurite-blob</c> on the PATH. Returns the program to start.
    /// </summary>
    public static string Azurite()
    {
        var local = Path.Combine(RepositoryPaths.Root, ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
        var program = File.Exists(local) ? local : OnPath("azurite-blob") ? "azurite-blob" : null;
        Need(program is not null && OnPath("node"), "Azurite is not installed (npm install --prefix .tools/azurite azurite, as tests/run.sh does)");
        return program!;
    }

    /// <summary>
    /// axe-core's script from npm, for the accessibility checks of the browser tests: <c>.tools/axe-core</c> in the
    /// repository (where <c>tests/run.sh</c> installs it), or the file <c>LOCALIZE_AXE_CORE</c> names. Returns its text.
    /// </summary>
    public static string AxeCore()
    {
        var local = Path.Combine(RepositoryPaths.Root, ".tools", "axe-core", "node_modules", "axe-core", "axe.min.js");
        var file = Environment.GetEnvironmentVariable("LOCALIZE_AXE_CORE") is { Length: > 0 } named ? named : local;
        Need(File.Exists(file), "axe-core is not installed (npm install --prefix .tools/axe-core axe-core, as tests/run.sh does)");
        return File.ReadAllText(file);
    }

    public const string ChromiumPath = "/usr/bin/chromium";

    public static void Chromium() => Need(File.Exists(ChromiumPath), "Debian's Chromium is not installed (apt-get install chromium)");

    /// <summary>
    /// The folder of PostgreSQL's server programs (<c>initdb</c>, <c>pg_ctl</c>): on PATH, or where Debian's
    /// <c>postgresql</c> package puts them (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, newest version first).
    /// </summary>
    public static string PostgreSql()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        var folder = onPath.Concat(debian).FirstOrDefault();
        Need(folder is not null, "the PostgreSQL server is not installed (apt-get install postgresql)");
        return folder!;
    }

    public static void Need(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (RequireAll)
        {
            Assert.Fail($"LOCALIZE_REQUIRE_ALL=1 but {reason}");
        }

        Assert.Skip(reason);
    }

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
