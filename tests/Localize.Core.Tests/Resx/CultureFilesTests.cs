using System.Text;
using Localize.Core.Markdown;
using Localize.Core.Resx;
using Localize.Core.Segments;
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
        var merged = document.Merge([.. document.Segments.Select(s => AsTarget(translated[s.UnitId], s))]);
        Assert.True(merged.Succeeded, string.Join("; ", merged.Failures.Select(f => f.Message)));
        Assert.Equal(culture, merged.Markdown);
    }

    /// <summary>A translated value as the target of its source segment: each code takes the id of the source's code
    /// with the same markup, wherever the translation moved it.</summary>
    private static string AsTarget(string value, SourceSegment source)
    {
        var (text, codes) = ResxValueCodes.Protect(value);
        var unused = source.Codes.ToList();
        var ids = new Dictionary<int, int>();
        foreach (var code in codes)
        {
            var match = unused.FirstOrDefault(c => c.Opening == code.Opening && c.Closing == code.Closing);
            if (match is not null)
            {
                ids[code.Id] = match.Id;
                unused.Remove(match);
            }
        }

        var target = new StringBuilder();
        foreach (var part in InlineMarkup.Parse(text))
        {
            var id = ids.GetValueOrDefault(part.CodeId, -part.CodeId);
            target.Append(part.Kind switch
            {
                InlinePartKind.Text => InlineMarkup.Escape(part.Text),
                InlinePartKind.Open => InlineMarkup.OpenTag(id),
                InlinePartKind.Close => InlineMarkup.CloseTag,
                _ => InlineMarkup.PlaceholderTag(id),
            });
        }

        return target.ToString();
    }
}
