namespace Localize.Core.Tests.Markdown;

/// <summary>Finds files under this project's TestData folder from the test binaries (no copy step in the project).</summary>
internal static class TestDataFile
{
    public static string PathOf(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "TestData", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"test data file not found above {AppContext.BaseDirectory}", relative);
    }
}
