using Localize.Core.Resx;
using Localize.Testing;

namespace Localize.Core.Tests.Resx;

/// <summary>
/// The repository's own culture files (the web app's chrome): every translatable key of a neutral file is in each of
/// its culture files, nothing else is, and each file is exactly what the pipeline publishes for its values — so a file
/// the pipeline writes later differs only where a reviewer changed a translation.
/// </summary>
public sealed class CultureFilesTests
{
    private static readonly string[] Paths =
    [
        .. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "Localize.Server", "Resources"), "*.resx")
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "content", "strings"), "*.resx", SearchOption.AllDirectories))
            .Where(f => ResxDocumentFormat.IsCultureFile(f, []))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/')),
    ];

    public static TheoryData<string> CultureFiles() => [.. Paths];

    [Fact]
    public void The_web_app_has_a_spanish_culture_file()
    {
        Assert.Contains("src/Localize.Server/Resources/AppStrings.es.resx", Paths);
    }

    [Theory]
    [MemberData(nameof(CultureFiles))]
    public void A_culture_file_has_every_translatable_key_of_its_neutral_file_and_is_what_the_pipeline_writes(string culturePath)
    {
        var stem = Path.GetFileNameWithoutExtension(culturePath);
        var neutralPath = Path.Combine(Path.GetDirectoryName(culturePath)!, stem[..stem.LastIndexOf('.')] + ".resx");
        var neutral = File.ReadAllText(Path.Combine(RepositoryPaths.Root, neutralPath));
        var culture = File.ReadAllText(Path.Combine(RepositoryPaths.Root, culturePath));
        var document = ResxFilter.Extract(neutral);
        var translated = ResxReader.Read(culture).Entries.ToDictionary(e => e.Name, e => e.Value);

        Assert.Equal(document.Segments.Select(s => s.UnitId), translated.Keys);
        var merged = document.Merge([.. document.Segments.Select(s => ResxValueCodes.TargetFor(translated[s.UnitId], s))]);
        Assert.True(merged.Succeeded, string.Join("; ", merged.Failures.Select(f => f.Message)));
        Assert.Equal(culture, merged.Text);
    }
}
