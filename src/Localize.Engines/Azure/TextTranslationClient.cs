using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Localize.Engines.Azure;

/// <summary>
/// Azure AI Translator text API v3 on Azure.Core, shaped like the official <c>Azure.AI.Translation.Text</c>
/// <c>TextTranslationClient</c> (which our package registry does not serve) so that package can replace it without
/// touching callers. Retries (408, 429 with <c>Retry-After</c>, 5xx, timeouts), per-try timeouts and logging with the
/// key redacted come from Azure.Core's <see cref="HttpPipeline"/> and <see cref="RetryOptions"/>. A 200 whose body is
/// not the array the request asked for (truncated, malformed, wrong element count) is a
/// <see cref="RequestFailedException"/> with status 200, never a partial success.
/// </summary>
public sealed class TextTranslationClient
{
    public static readonly Uri GlobalEndpoint = new("https://api.cognitive.microsofttranslator.com");

    public const string MeteredUsageHeader = "X-Metered-Usage";

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _apiVersion;

    public TextTranslationClient(AzureKeyCredential credential, string region = "global", TextTranslationClientOptions? options = null)
        : this(credential, GlobalEndpoint, region, options)
    {
    }

    /// <param name="endpoint">Global, custom (<c>https://&lt;resource&gt;.cognitiveservices.azure.com/translator/text/v3.0</c>) or an emulator.</param>
    public TextTranslationClient(AzureKeyCredential credential, Uri endpoint, string region = "global", TextTranslationClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= new TextTranslationClientOptions();
        _endpoint = endpoint;
        _apiVersion = options.Version;
        _pipeline = HttpPipelineBuilder.Build(
            options,
            [new KeyPolicy(credential), new RegionPolicy(region)],
            [],
            new ResponseClassifier());
    }

    /// <summary>
    /// Translates every element of <paramref name="content"/> into every language of <paramref name="targetLanguages"/>
    /// in one request (at most 1,000 elements and 50,000 characters × targets: batching is the caller's job).
    /// </summary>
    public async Task<Response<IReadOnlyList<TranslatedTextItem>>> TranslateAsync(
        IEnumerable<string> targetLanguages,
        IEnumerable<string> content,
        string? clientTraceId = null,
        string? sourceLanguage = null,
        TextType? textType = null,
        string? category = null,
        CancellationToken cancellationToken = default)
    {
        var targets = targetLanguages.ToArray();
        var texts = content.ToArray();
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/translate", false);
        request.Uri.AppendQuery("api-version", _apiVersion, true);
        if (sourceLanguage is not null)
        {
            request.Uri.AppendQuery("from", sourceLanguage, true);
        }

        foreach (var target in targets)
        {
            request.Uri.AppendQuery("to", target, true);
        }

        if (textType is not null)
        {
            request.Uri.AppendQuery("textType", textType == TextType.Html ? "html" : "plain", true);
        }

        if (category is not null)
        {
            request.Uri.AppendQuery("category", category, true);
        }

        request.Headers.Add("Content-Type", "application/json; charset=UTF-8");
        request.Headers.Add("Accept", "application/json");
        if (clientTraceId is not null)
        {
            request.Headers.Add("X-ClientTraceId", clientTraceId);
        }

        request.Content = RequestContent.Create(Body(texts));
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError)
        {
            throw new RequestFailedException(response, null, new TranslatorErrorParser());
        }

        return Response.FromValue<IReadOnlyList<TranslatedTextItem>>(Parse(response, texts.Length), response);
    }

    private static BinaryData Body(string[] texts)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var text in texts)
            {
                writer.WriteStartObject();
                writer.WriteString("Text", text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return new BinaryData(buffer.ToArray());
    }

    private static List<TranslatedTextItem> Parse(Response response, int expected)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Content);
            var items = new List<TranslatedTextItem>(expected);
            foreach (var element in json.RootElement.EnumerateArray())
            {
                var translations = element.GetProperty("translations").EnumerateArray()
                    .Select(t => new TranslationText(t.GetProperty("to").GetString()!, t.GetProperty("text").GetString()!))
                    .ToArray();
                DetectedLanguage? detected = element.TryGetProperty("detectedLanguage", out var d)
                    ? new DetectedLanguage(d.GetProperty("language").GetString()!, d.TryGetProperty("score", out var s) ? s.GetSingle() : 0)
                    : null;
                items.Add(new TranslatedTextItem(translations, detected));
            }

            if (items.Count != expected)
            {
                throw new RequestFailedException(response.Status,
                    $"Translator answered {items.Count} elements for {expected}; a malformed response, not a partial success.",
                    "MalformedResponse", null);
            }

            return items;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RequestFailedException(response.Status, $"Translator answered a body that is not a translate response: {ex.Message}",
                "MalformedResponse", ex);
        }
    }

    /// <summary>
    /// Translator's error body carries a numeric six-digit code (<c>{"error":{"code":400036,…}}</c>) where Azure.Core's
    /// default parser expects a string, and would leave <see cref="RequestFailedException.ErrorCode"/> empty.
    /// </summary>
    private sealed class TranslatorErrorParser : RequestFailedDetailsParser
    {
        public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
        {
            data = null;
            error = null;
            try
            {
                using var json = JsonDocument.Parse(response.Content);
                if (json.RootElement.TryGetProperty("error", out var body))
                {
                    var code = body.TryGetProperty("code", out var c) ? c.ToString() : null;
                    var message = body.TryGetProperty("message", out var m) ? m.GetString() : null;
                    error = new ResponseError(code, message);
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page …): the status alone says what happened.
            }

            return error is not null;
        }
    }

    /// <summary>
    /// Azure.Core's own key policy is internal. The key is read on every request so <see cref="AzureKeyCredential.Update"/>
    /// rotates it; the header is not in the logged-header list, so diagnostics show it redacted.
    /// </summary>
    private sealed class KeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", credential.Key);
    }

    /// <summary>Regional and multi-service resources need their region; the global one takes none.</summary>
    private sealed class RegionPolicy(string? region) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (!string.IsNullOrEmpty(region) && !string.Equals(region, "global", StringComparison.OrdinalIgnoreCase))
            {
                message.Request.Headers.SetValue("Ocp-Apim-Subscription-Region", region);
            }
        }
    }
}
