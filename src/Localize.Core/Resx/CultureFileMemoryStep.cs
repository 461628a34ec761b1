using Localize.Core.Content;
using Localize.Core.Memory;
using Localize.Core.Pipelines;
using Localize.Core.Segments;
using Localize.Core.Sources;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Resx;

/// <summary>
/// Existing translations are not thrown away: a .resx file often arrives with culture files a translator already
/// wrote (<c>Strings.es.resx</c> beside <c>Strings.resx</c>). Before machine translation, while a resource file ×
/// locale has never been published and has segments waiting for a machine, each entry the culture file translates
/// goes into translation memory (origin <c>resx:&lt;path&gt;</c>, no context), so the machine-translation step
/// prefills it as an exact match — still reviewed and signed like any other target — and pays no engine for it.
/// Needs: the stored neutral source and the source folder. Produces: memory units. A culture file that cannot be read
/// is logged once and skipped: the engine translates those entries instead.
/// </summary>
public sealed class CultureFileMemoryStep(ISourceFolder sources, IArticleStore articleStore, IStatusQueries statusQueries, ITranslationMemory memory, ILogger<CultureFileMemoryStep> logger)
    : IPipelineStep
{
    private readonly HashSet<string> _announced = [];

    public const string StepName = "culture-files";

    public string Name => StepName;

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var definition = context.Definition;
        if (definition.Strings.Count == 0)
        {
            return;
        }

        var waiting = (await statusQueries.ListStatusAsync(definition.Name, cancellationToken))
            .Where(c => c.PublishedVersion is null
                && c.ByState.GetValueOrDefault(SegmentState.New) + c.ByState.GetValueOrDefault(SegmentState.Outdated) > 0);
        foreach (var cell in waiting)
        {
            var article = await articleStore.FindArticleAsync(cell.Slug, cancellationToken);
            if (article is null || article.Format != ResxDocumentFormat.FormatId)
            {
                continue;
            }

            var culturePath = ResxDocumentFormat.CulturePath(article.Path, cell.Locale);
            var units = await ReadAsync(definition.Source.Language, cell.Locale, article, culturePath, cancellationToken);
            if (units.Count > 0 && await memory.AddManyAsync(units, cancellationToken) > 0)
            {
                logger.LogInformation("{Path}: {Count} existing translation(s) offered to review as memory matches", culturePath, units.Count);
            }
        }
    }

    private async Task<IReadOnlyList<MemoryUnit>> ReadAsync(
        string sourceLanguage, string locale, StoredArticle article, string culturePath, CancellationToken cancellationToken)
    {
        IReadOnlyList<ResxEntry> translated;
        try
        {
            var bytes = await sources.ReadAsync(culturePath, SourceIntakeStep.MaxSourceBytes, cancellationToken);
            translated = ResxReader.Read(SourceText.Decode(bytes, "a .resx file")).Entries;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception ex) when (ex is DocumentFormatException or IOException or UnauthorizedAccessException)
        {
            if (_announced.Add($"{culturePath}\n{ex.Message}"))
            {
                logger.LogWarning("{Path}: existing translations not used, the engine translates instead: {Problem}", culturePath, ex.Message);
            }

            return [];
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in translated.Where(e => e.IsUserString && !string.IsNullOrWhiteSpace(e.Value)))
        {
            values[entry.Name] = entry.Value;
        }

        var units = new List<MemoryUnit>();
        foreach (var segment in ResxFilter.Extract(article.SourceText).Segments)
        {
            if (!values.TryGetValue(segment.UnitId, out var value))
            {
                continue;
            }

            // A translation whose placeholders or tags do not match its source is no candidate; the engine's output is.
            var target = ResxValueCodes.TargetFor(value, segment);
            if (InlineMarkup.CompareCodes(segment.Text, target).Count == 0)
            {
                units.Add(new MemoryUnit(sourceLanguage, locale, segment.Text, target) { Origin = $"resx:{culturePath}" });
            }
        }

        return units;
    }
}
