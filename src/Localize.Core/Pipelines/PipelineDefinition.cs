namespace Localize.Core.Pipelines;

/// <summary>
/// A declarative pipeline from <c>pipelines/*.yaml</c>: where sources are, which locales they go to through which
/// engine, how review works and where approved versions are published.
/// </summary>
public sealed record PipelineDefinition(
    string Name,
    string SourcePath,
    SourceSettings Source,
    IReadOnlyList<LocaleTarget> Locales,
    ReviewRule Review,
    PublishTarget Publish)
{
    /// <summary>Folders of neutral .resx files (interface strings) that go through the same translation, review and
    /// sign-off as the articles; each locale's culture file is published beside its neutral file.</summary>
    public IReadOnlyList<StringsSource> Strings { get; init; } = [];

    /// <summary>The optional steps this pipeline runs (<c>steps:</c> in its file); null when it names none, and runs them all.</summary>
    public IReadOnlySet<string>? OptionalSteps { get; init; }

    /// <summary>The strings folder <paramref name="path"/> lies under, the deepest when folders nest; null when none.</summary>
    public string? StringsFolderOf(string path) =>
        Strings.Select(s => s.Folder).Where(f => path.StartsWith(f + "/", StringComparison.Ordinal)).MaxBy(f => f.Length);
}

/// <param name="Folder">Source folder relative to the repository root, e.g. <c>content</c>.</param>
/// <param name="Include">Glob of files under the folder, e.g. <c>**/*.md</c>.</param>
/// <param name="Language">Source language, e.g. <c>en</c>.</param>
/// <param name="TranslatableFields">Front matter fields that are translated; the others are kept as written.</param>
public sealed record SourceSettings(string Folder, string Include, string Language, IReadOnlyList<string> TranslatableFields);

/// <param name="Folder">Folder relative to the repository root, e.g. <c>content/strings</c>.</param>
/// <param name="Include">Glob of neutral files under it; culture files (<c>Strings.es.resx</c>) are never sources.</param>
public sealed record StringsSource(string Folder, string Include);

/// <param name="Engine">The engine that translates into this locale.</param>
/// <param name="Fallback">The engine that stands in when <paramref name="Engine"/> cannot run here; null: none, the
/// segments wait for their engine. A pipeline file's locale gets the configured one unless it names its own.</param>
/// <param name="BackTranslation">The engine that translates this locale's targets back into the source language; null: none.</param>
public sealed record LocaleTarget(string Code, string Engine, string? Fallback = null, string? BackTranslation = null);

/// <param name="Approvals">How many distinct reviewers must approve a segment before it counts as approved.</param>
public sealed record ReviewRule(int Approvals);

/// <param name="Folder">Content store root for published versions, e.g. <c>translations</c>.</param>
public sealed record PublishTarget(string Folder);
