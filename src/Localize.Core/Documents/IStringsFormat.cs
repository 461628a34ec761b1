using Localize.Core.Pipelines;

namespace Localize.Core.Documents;

/// <summary>A format whose published versions are interface strings a website fetches (<c>/api/strings</c>), not pages.</summary>
public interface IStringsFormat : IDocumentFormat
{
    /// <summary>The name a website knows the strings file by (<c>web/Site</c> for <c>content/strings/web/Site.resx</c>).</summary>
    string ResourceName(PipelineDefinition pipeline, string path);

    /// <summary>The user-visible strings of a neutral source or a published locale's file, by key.</summary>
    IReadOnlyDictionary<string, string> ReadStrings(string text);
}
