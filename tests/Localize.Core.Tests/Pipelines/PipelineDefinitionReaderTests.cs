using Localize.Core.Pipelines;

namespace Localize.Core.Tests.Pipelines;

/// <summary>A pipeline file is read as written, and every mistake names the file, the line and the field.</summary>
public sealed class PipelineDefinitionReaderTests
{
    private const string Path = "pipelines/articles.yaml";

    private static readonly PipelineDefinitionReader Reader = new(new HashSet<string> { "apertium", "pseudo", "azure" }, new("pseudo", "apertium"), new HashSet<string> { "back-translation", "readability" });

    private const string Valid = """
        name: patient-articles
        source:
          folder: content
          include: "**/*.md"
          language: en
          fields: [title, description]
        locales:
          - code: es
            engine: apertium
          - code: qps-ploc
            engine: pseudo
        review:
          approvals: 2
        publish:
          folder: translations
        """;

    [Fact]
    public void Reads_a_complete_definition()
    {
        var definition = Reader.Read(Valid, Path);

        Assert.Equal("patient-articles", definition.Name);
        Assert.Equal(("content", "**/*.md", "en"), (definition.Source.Folder, definition.Source.Include, definition.Source.Language));
        Assert.Equal(["title", "description"], definition.Source.TranslatableFields);
        Assert.Equal([new LocaleTarget("es", "apertium", "pseudo", "apertium"), new LocaleTarget("qps-ploc", "pseudo", "pseudo", "apertium")], definition.Locales);
        Assert.Equal(2, definition.Review.Approvals);
        Assert.Equal("translations", definition.Publish.Folder);
    }

    [Fact]
    public void A_locale_may_name_its_own_fallback_and_back_translation_engines()
    {
        var definition = Reader.Read(Valid.Replace("engine: apertium", "engine: azure\n    fallback: apertium\n    back-translation: azure"), Path);

        Assert.Equal(new LocaleTarget("es", "azure", "apertium", "azure"), definition.Locales[0]);
        Assert.Equal(new LocaleTarget("qps-ploc", "pseudo", "pseudo", "apertium"), definition.Locales[1]);
    }

    [Fact]
    public void A_pipeline_runs_every_optional_step_unless_it_names_the_ones_it_wants()
    {
        Assert.Null(Reader.Read(Valid, Path).OptionalSteps);
        Assert.Equal(["readability"], Reader.Read(Valid + "\nsteps: [readability]\n", Path).OptionalSteps!);
        Assert.Empty(Reader.Read(Valid + "\nsteps: []\n", Path).OptionalSteps!);
    }

    [Fact]
    public void Every_folder_has_one_spelling_whatever_its_slashes()
    {
        var definition = Reader.Read(
            Valid.Replace("folder: content", "folder: content/").Replace("folder: translations", "folder: 'site\\translations\\'") + "\nstrings:\n  - folder: content\\strings/\n",
            Path);

        Assert.Equal(("content", "site/translations"), (definition.Source.Folder, definition.Publish.Folder));
        Assert.Equal("content/strings", Assert.Single(definition.Strings).Folder);
    }

    public static TheoryData<string, string, int, string?, string> Mistakes => new()
    {
        // what is wrong | yaml | expected line | expected field | expected words in the message
        { "missing name", Valid.Replace("name: patient-articles\n", ""), 1, "name", "required" },
        { "unknown engine", Valid.Replace("engine: apertium", "engine: deepl"), 9, "locales[0].engine", "unknown engine 'deepl'" },
        { "unknown locale", Valid.Replace("code: es", "code: xx-Klingon"), 8, "locales[0].code", "unknown locale" },
        { "not a language tag", Valid.Replace("code: es", "code: español"), 8, "locales[0].code", "not a language tag" },
        { "unknown fallback engine", Valid.Replace("engine: apertium", "engine: apertium\n    fallback: babelfish"), 10, "locales[0].fallback", "unknown engine 'babelfish'" },
        { "unknown back-translation engine", Valid.Replace("engine: pseudo", "engine: pseudo\n    back-translation: deepl"), 12, "locales[1].back-translation", "unknown engine 'deepl'" },
        { "unknown optional step", Valid + "\nsteps:\n  - readability\n  - spellcheck\n", 18, "steps", "unknown optional step 'spellcheck'; the optional steps are back-translation, readability" },
        { "a step that always runs", Valid + "\nsteps: [publish]\n", 16, "steps", "unknown optional step 'publish'" },
        { "steps not a list", Valid + "\nsteps: readability\n", 16, "steps", "must be a list of names" },
        { "duplicate locale", Valid.Replace("code: qps-ploc", "code: es"), 10, "locales[1].code", "listed twice (first at line 8)" },
        { "source language as target", Valid.Replace("code: es", "code: en"), 8, "locales[0].code", "is the source language" },
        { "folder escaping the repository", Valid.Replace("folder: content", "folder: ../secrets"), 3, "source.folder", "inside the repository" },
        { "absolute folder", Valid.Replace("folder: translations", "folder: /var/www"), 15, "publish.folder", "inside the repository" },
        { "bad approvals", Valid.Replace("approvals: 2", "approvals: many"), 13, "review.approvals", "not a whole number" },
        { "locales not a list", Valid[..Valid.IndexOf("locales:", StringComparison.Ordinal)] + "locales: es\n", 7, "locales", "must be a list" },
        { "not YAML at all", "name: [unclosed\nsource: {", 2, null, "not valid YAML" },
        { "strings not a list", Valid + "\nstrings: content/strings\n", 16, "strings", "must be a list" },
        { "strings item not a mapping", Valid + "\nstrings:\n  - content/strings\n", 17, "strings", "{ folder: content/strings }" },
        { "strings folder escaping the repository", Valid + "\nstrings:\n  - folder: ../web/strings\n", 17, "strings[0].folder", "inside the repository" },
        { "strings folder twice", Valid + "\nstrings:\n  - folder: content/strings\n  - folder: content/strings/\n", 18, "strings[1].folder", "listed twice (first at line 17)" },
        { "strings include not .resx", Valid + "\nstrings:\n  - folder: content/strings\n    include: \"**/*.json\"\n", 18, "strings[0].include", "must match .resx files" },
    };

    [Fact]
    public void Strings_sources_name_resx_folders_with_every_resx_file_by_default()
    {
        var definition = Reader.Read(Valid + "\nstrings:\n  - folder: content/strings\n  - folder: src/Web/Resources\n    include: \"Shared*.resx\"\n", Path);

        Assert.Equal([new StringsSource("content/strings", "**/*.resx"), new StringsSource("src/Web/Resources", "Shared*.resx")], definition.Strings);
        Assert.Empty(Reader.Read(Valid, Path).Strings);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_names_file_line_and_field(string mistake, string yaml, int line, string? field, string words)
    {
        var error = Assert.Throws<PipelineDefinitionException>(() => Reader.Read(yaml, Path));

        Assert.True(error.Line == line, $"{mistake}: expected line {line}, got {error.Line} ({error.Message})");
        Assert.Equal(field, error.Field);
        Assert.Contains(words, error.Message);
        Assert.StartsWith($"{Path}:{line}:", error.Message);
    }
}
