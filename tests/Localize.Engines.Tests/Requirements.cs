namespace Localize.Engines.Tests;

/// <summary>
/// What a test needs from the machine. Missing, the test is skipped with the reason, except where
/// <c>LOCALIZE_REQUIRE_ALL=1</c> (CI) says every requirement must be met: then it fails, so a green run proves it ran.
/// </summary>
internal static class Requirements
{
    public static void Apertium()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "apertium")));
        if (onPath && File.Exists("/usr/share/apertium/modes/eng-spa.mode"))
        {
            return;
        }

        Unmet("apertium not installed: apt-get install -y apertium apertium-eng-spa");
    }

    private static void Unmet(string reason)
    {
        if (Environment.GetEnvironmentVariable("LOCALIZE_REQUIRE_ALL") == "1")
        {
            Assert.Fail($"{reason} (LOCALIZE_REQUIRE_ALL=1)");
        }

        Assert.Skip(reason);
    }
}
