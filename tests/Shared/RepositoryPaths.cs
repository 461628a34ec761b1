namespace Localize.Testing;

/// <summary>Finds the checked-out repository from a test's output folder, for its seed content and pipelines.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string SeedArticle => Path.Combine(Root, "content", "ketamine-infusions-chronic-migraine.md");

    public static string DefaultPipeline => Path.Combine(Root, "pipelines", "articles.yaml");

    /// <summary>
    /// Where browser tests save their screenshots: TestResults/screenshots (git-ignored), so a test run never rewrites a
    /// tracked file. The README's pictures under docs/ are copied from there when the pages change.
    /// </summary>
    public static string Screenshot(string name)
    {
        var folder = Path.Combine(Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Localize.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("tests must run from inside the repository");
    }
}
