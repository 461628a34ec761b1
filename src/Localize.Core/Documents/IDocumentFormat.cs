using Localize.Core.Content;
using Localize.Core.Pipelines;
using Localize.Core.Workflow;

namespace Localize.Core.Documents;

/// <summary>
/// A kind of source document (Okapi's filter and writer behind one interface): which files it reads, how it reads one
/// into segments, how a reviewer sees those segments, and how a locale's version is rebuilt and published. Markdown
/// articles and .resx resource files go through the same steps, review and sign-off; only this differs. A format is
/// one class registered in one line (<c>services.AddSingleton&lt;IDocumentFormat, MyFormat&gt;()</c>); it also
/// implements <see cref="IPageFormat"/> when its versions are pages of the public site, or
/// <see cref="IStringsFormat"/> when they are interface strings a website fetches. Code outside a format never asks
/// which format it is.
/// </summary>
public interface IDocumentFormat
{
    /// <summary>Stored with each article (<c>markdown</c>, <c>resx</c>): once articles are stored under it, it never changes.</summary>
    string Id { get; }

    /// <summary>What a file of this format is, for a reader that fails: "Markdown with front matter", "a .resx file".</summary>
    string Description { get; }

    /// <summary>How a reviewer sees the segments, and how a new version's segments are matched with the stored ones.</summary>
    SegmentPresentation Presentation { get; }

    /// <summary>Whether this format reads a file the pipeline's folders list (<see cref="DocumentFormatRegistry.For"/> chooses).</summary>
    FileClaim Claim(SourceFile file);

    /// <summary>Intake: the bytes of a source file as a version to store, or a <see cref="DocumentFormatException"/>
    /// naming the line and field.</summary>
    ArticleVersion Read(SourceFile file, byte[] bytes);

    /// <summary>The line that sets a version's slug, for errors about it; null when the slug comes from the file's name.</summary>
    int? SlugLine(ArticleVersion version);

    /// <summary>Publishing and sign-off: the stored source text's segments and skeleton, to merge targets into.</summary>
    LocalizableDocument Extract(PipelineDefinition pipeline, string sourceText);

    /// <summary>What the review page shows beside a segment's number: its kind ("paragraph"), a field's or a key's name.</summary>
    string ReviewLabel(string unitId, string kind);

    /// <summary>The author's notes for reviewers, by unit id (a .resx entry's comment); empty when the format has none.</summary>
    IReadOnlyDictionary<string, string> ReviewerComments(string sourceText);

    /// <summary>Where a locale's version of a stored document is published in the content store.</summary>
    string PublishedPath(PipelineDefinition pipeline, StoredArticle article, string locale);
}

/// <summary>How a format's segments are shown to a reviewer and matched across source versions.</summary>
public enum SegmentPresentation
{
    /// <summary>Sentences of running text, in order: matched with the stored version by text, in order.</summary>
    Sentences,

    /// <summary>Keyed interface strings, shown with their key and comment: matched by key, wherever a tool moved them,
    /// so a key renamed with its value kept keeps its translation.</summary>
    Strings,
}

/// <summary>The kind of folder of a pipeline a source file was listed from.</summary>
public enum SourceRole
{
    /// <summary>The pipeline's <c>source:</c> folder (articles).</summary>
    Articles,

    /// <summary>One of the pipeline's <c>strings:</c> folders (interface strings).</summary>
    Strings,
}

/// <summary>A format's answer about one listed file.</summary>
public enum FileClaim
{
    /// <summary>Not this format's file.</summary>
    None,

    /// <summary>This format reads it.</summary>
    Reads,

    /// <summary>This format reads it when no other format does (the folder's catch-all, so an unknown file still gets
    /// an error that names it instead of being ignored).</summary>
    ReadsIfNoOtherDoes,

    /// <summary>The file is this format's, but no source: output beside a source (a culture file), or a file another
    /// folder's format reads. Nobody reads it.</summary>
    NotASource,
}

/// <summary>A file one of the pipeline's folders lists.</summary>
/// <param name="Folder">The folder it was listed from, relative to the repository root (<c>content/strings</c>).</param>
/// <param name="Path">Relative to the repository root (<c>content/strings/web/Site.resx</c>).</param>
public sealed record SourceFile(PipelineDefinition Pipeline, SourceRole Role, string Folder, string Path);
