using Azure;
using Azure.Core;
using Localize.Core.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Localize.Engines.Azure;

/// <summary>
/// Azure AI Translator v3. Needs: a key (and region for regional resources) in configuration. Produces: HTML-mode
/// translations, paired codes kept as spans, glossary terms in <c>translate="no"</c> spans, one request fanning out to
/// several locales, and the service's <c>X-Metered-Usage</c> as the charged figure. 400, 401 and 403 fail the batch
/// at once; throttling, server errors, timeouts and malformed bodies are transient.
/// </summary>
public sealed class AzureTranslatorEngine : ITranslationEngine
{
    public const string EngineId = "azure";

    private readonly AzureTranslatorOptions _options;
    private readonly ILogger<AzureTranslatorEngine> _logger;
    private readonly TextTranslationClient? _client;

    public AzureTranslatorEngine(IOptions<AzureTranslatorOptions> options, ILogger<AzureTranslatorEngine>? logger = null)
    {
        _options = options.Value;
        _logger = logger ?? NullLogger<AzureTranslatorEngine>.Instance;
        Capabilities = new EngineCapabilities(
            MaxTextsPerBatch: 1_000,
            MaxCharactersPerBatch: 50_000,
            MaxLocalesPerBatch: Math.Max(1, _options.MaxLocalesPerRequest),
            MaxConcurrentBatches: Math.Max(1, _options.MaxConcurrentRequests),
            Markup: EngineMarkup.HtmlPaired,
            BatchAttempts: Math.Max(1, _options.BatchAttempts));
        if (!string.IsNullOrWhiteSpace(_options.Key))
        {
            var clientOptions = new TextTranslationClientOptions();
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.MaxRetries = _options.MaxRetries;
            clientOptions.Retry.Delay = _options.RetryDelay;
            clientOptions.Retry.MaxDelay = _options.MaxRetryDelay;
            clientOptions.Retry.NetworkTimeout = _options.Timeout;
            _client = new TextTranslationClient(new AzureKeyCredential(_options.Key), _options.Endpoint, _options.Region, clientOptions);
        }
    }

    public string Id => EngineId;

    public EngineCapabilities Capabilities { get; }

    public EngineAvailability CheckAvailability() => _client is null
        ? new EngineAvailability(EngineId, false, false, "no key configured (Localize:Engines:Azure:Key)")
        : new EngineAvailability(EngineId, true, false, $"endpoint {_options.Endpoint}");

    // The service offers 100+ languages; one it does not know is a 400 that fails its batch with the reason.
    public string? CheckPair(string sourceLanguage, string targetLocale) => null;

    public async Task<EngineBatchResult> TranslateBatchAsync(EngineBatch batch, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new TranslationEngineException("no Azure Translator key configured", false);
        var traceId = Guid.NewGuid().ToString();
        Response<IReadOnlyList<TranslatedTextItem>> response;
        try
        {
            response = await client.TranslateAsync(
                batch.TargetLocales, batch.Texts, traceId, batch.SourceLanguage, TextType.Html, _options.Category, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 400 or 401 or 403 or 404 or 413)
        {
            throw new TranslationEngineException(
                $"Azure Translator refused the request ({ex.Status} {ex.ErrorCode}, trace {traceId}): {FirstLine(ex.Message)}", false, ex);
        }
        catch (RequestFailedException ex)
        {
            throw new TranslationEngineException(
                $"Azure Translator failed ({(ex.Status == 0 ? "no response" : ex.Status)} {ex.ErrorCode}, trace {traceId}): {FirstLine(ex.Message)}", true, ex);
        }
        catch (Exception ex) when (ex is AggregateException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Azure.Core gives up on repeated timeouts with these.
            throw new TranslationEngineException($"Azure Translator timed out (trace {traceId}): {FirstLine(ex.Message)}", true, ex);
        }

        var raw = response.GetRawResponse();
        raw.Headers.TryGetValue("X-RequestId", out var requestId);
        var charged = raw.Headers.TryGetValue(TextTranslationClient.MeteredUsageHeader, out var metered) && long.TryParse(metered, out var m) ? m : 0;
        _logger.LogDebug("Azure Translator: {Texts} texts to {Locales}, trace {TraceId}, request {RequestId}, metered {Metered}",
            batch.Texts.Count, string.Join(",", batch.TargetLocales), traceId, requestId, charged);

        var outputs = new IReadOnlyList<EngineOutput>[batch.Texts.Count];
        for (var t = 0; t < outputs.Length; t++)
        {
            var translations = response.Value[t].Translations;
            outputs[t] = batch.TargetLocales.Select(locale =>
                translations.FirstOrDefault(x => string.Equals(x.TargetLanguage, locale, StringComparison.OrdinalIgnoreCase)) is { } found
                    ? new EngineOutput(found.Text, [])
                    : throw new TranslationEngineException($"Azure Translator answered element {t} without '{locale}' (trace {traceId})", true))
                .ToArray();
        }

        return new EngineBatchResult(outputs, charged);
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n');
        return (end < 0 ? message : message[..end]).Trim();
    }
}
