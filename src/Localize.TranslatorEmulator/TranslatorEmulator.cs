using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Localize.TranslatorEmulator;

/// <summary>
/// A loopback Azure Translator v3 (<c>POST /translate?api-version=3.0</c>, <c>GET /languages</c>): checks the key
/// header, enforces the 1,000-element and 50,000-character (× targets) limits with the service's 400 bodies, meters
/// characters into <c>X-Metered-Usage</c>, and injects the faults of a <see cref="FaultPlan"/>. It answers from its
/// <see cref="TranslatorEmulatorOptions.Fixture"/> of real translations where that has the text; otherwise its
/// "translation" is deterministic and visibly not human (<see cref="Translate"/>): <c>[es] Tàké wàtér</c>, so a test
/// can tell which source every target came from and no one mistakes it for the real service.
/// </summary>
public sealed class TranslatorEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TranslatorEmulatorOptions _options;
    private readonly Lock _faultLock = new();
    private readonly ConcurrentDictionary<string, long> _charactersByText = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requestsByText = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string To, string Text), int> _translations = new();
    private readonly ConcurrentQueue<EmulatorRequest> _log = new();
    private FaultPlan _faults;
    private Random _random;
    private int _sequenceIndex;
    private int _requests;
    private int _faultsInjected;
    private int _repeatedRequests;
    private long _charactersMetered;

    private TranslatorEmulator(WebApplication app, TranslatorEmulatorOptions options)
    {
        _app = app;
        _options = options;
        _faults = options.Faults;
        _random = new Random(_faults.Seed);
    }

    /// <summary>The base URI to configure as the Translator endpoint (<c>http://127.0.0.1:port</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string Key => _options.Key;

    /// <summary>Translate requests received, faulted or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public int FaultsInjected => Volatile.Read(ref _faultsInjected);

    /// <summary>Characters × targets of every translate request answered 200, as put in <c>X-Metered-Usage</c>.</summary>
    public long CharactersMetered => Interlocked.Read(ref _charactersMetered);

    /// <summary>Metered characters per element text: a text paid for twice shows here.</summary>
    public IReadOnlyDictionary<string, long> CharactersByText => _charactersByText;

    /// <summary>How many answered requests carried each element text.</summary>
    public IReadOnlyDictionary<string, int> RequestsByText => _requestsByText;

    /// <summary>How many times each element text was answered into each target language: a segment paid for twice shows here.</summary>
    public IReadOnlyDictionary<(string To, string Text), int> TranslationsByTarget => _translations;

    /// <summary>Answered requests that carried at least one text already answered into the same language (a repeated batch).</summary>
    public int RepeatedRequests => Volatile.Read(ref _repeatedRequests);

    /// <summary>Every translate request that passed the key and limit checks, with the fault it was answered with.</summary>
    public IReadOnlyCollection<EmulatorRequest> Log => _log;

    /// <summary>The fault-injection switch: replacing the plan restarts its sequence and its seeded generator.</summary>
    public FaultPlan Faults
    {
        get => _faults;
        set
        {
            lock (_faultLock)
            {
                _faults = value;
                _random = new Random(value.Seed);
                _sequenceIndex = 0;
            }
        }
    }

    public static async Task<TranslatorEmulator> StartAsync(TranslatorEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TranslatorEmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var emulator = new TranslatorEmulator(app, options);
        app.MapPost("/translate", (RequestDelegate)emulator.TranslateAsync);
        app.MapGet("/languages", (RequestDelegate)LanguagesAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseAddress = new Uri(address);
        return emulator;
    }

    /// <summary>Zeroes the counters (not the fault plan).</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _faultsInjected, 0);
        Interlocked.Exchange(ref _charactersMetered, 0);
        _charactersByText.Clear();
        _requestsByText.Clear();
        _translations.Clear();
        Interlocked.Exchange(ref _repeatedRequests, 0);
        _log.Clear();
    }

    /// <summary>
    /// The emulator's "translation" of one element: <c>[to] </c> then the text with vowels accented, leaving tags,
    /// entities and the content of <c>translate="no"</c> / <c>class="notranslate"</c> elements as they are (html).
    /// A dynamic-dictionary element (<c>&lt;mstrans:dictionary translation="ketamina"&gt;ketamine&lt;/mstrans:dictionary&gt;</c>)
    /// becomes its translation, unaccented and without the element, as the service answers it.
    /// </summary>
    public static string Translate(string text, string to, bool html)
    {
        var sb = new StringBuilder(text.Length + to.Length + 3).Append('[').Append(to).Append("] ");
        if (!html)
        {
            foreach (var c in text)
            {
                sb.Append(Accent(c));
            }

            return sb.ToString();
        }

        // Each open element remembers whether it (or an ancestor) said "do not translate".
        var keep = new Stack<bool>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && DictionaryEntry(text, i) is var (translation, next))
            {
                sb.Append(translation);
                i = next;
                continue;
            }

            if (c == '<')
            {
                var end = text.IndexOf('>', i);
                end = end < 0 ? text.Length - 1 : end;
                var tag = text.AsSpan(i, end - i + 1);
                if (tag.StartsWith("</"))
                {
                    keep.TryPop(out _);
                }
                else if (!tag.EndsWith("/>"))
                {
                    var noTranslate = tag.Contains("translate=\"no\"", StringComparison.Ordinal) || tag.Contains("notranslate", StringComparison.Ordinal);
                    keep.Push(noTranslate || (keep.Count > 0 && keep.Peek()));
                }

                sb.Append(tag);
                i = end + 1;
                continue;
            }

            if (c == '&')
            {
                var end = text.IndexOf(';', i);
                if (end > i && end - i < 10)
                {
                    sb.Append(text.AsSpan(i, end - i + 1));
                    i = end + 1;
                    continue;
                }
            }

            sb.Append(keep.Count > 0 && keep.Peek() ? c : Accent(c));
            i++;
        }

        return sb.ToString();
    }

    private static (string Translation, int Next)? DictionaryEntry(string text, int at)
    {
        const string open = "<mstrans:dictionary translation=\"";
        const string close = "</mstrans:dictionary>";
        if (!text.AsSpan(at).StartsWith(open, StringComparison.Ordinal))
        {
            return null;
        }

        var valueEnd = text.IndexOf('"', at + open.Length);
        var closeAt = valueEnd < 0 ? -1 : text.IndexOf(close, valueEnd, StringComparison.Ordinal);
        return closeAt < 0 ? null : (text[(at + open.Length)..valueEnd], closeAt + close.Length);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static char Accent(char c) => c switch
    {
        'a' => 'à',
        'e' => 'é',
        'i' => 'ï',
        'o' => 'ô',
        'u' => 'ü',
        'A' => 'À',
        'E' => 'É',
        'I' => 'Ï',
        'O' => 'Ô',
        'U' => 'Ü',
        _ => c,
    };

    private async Task TranslateAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var query = context.Request.Query;
        if (query["api-version"] != "3.0")
        {
            await ErrorAsync(context, 400, 400021, "The API version parameter is missing or invalid.");
            return;
        }

        if (context.Request.Headers["Ocp-Apim-Subscription-Key"] != _options.Key)
        {
            await ErrorAsync(context, 401, 401000, "The request is not authorized because credentials are missing or invalid.");
            return;
        }

        var targets = query["to"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToArray();
        if (targets.Length == 0)
        {
            await ErrorAsync(context, 400, 400036, "The target language (\"To\" field) is missing or invalid.");
            return;
        }

        var html = string.Equals(query["textType"], "html", StringComparison.OrdinalIgnoreCase);
        List<string> texts;
        try
        {
            texts = await ReadTextsAsync(context.Request.Body, context.RequestAborted);
        }
        catch (JsonException)
        {
            await ErrorAsync(context, 400, 400074, "The body of the request is not valid JSON.");
            return;
        }

        if (texts.Count > _options.MaxElements)
        {
            await ErrorAsync(context, 400, 400077, $"The maximum request size has been exceeded ({texts.Count} elements, at most {_options.MaxElements}).");
            return;
        }

        var characters = texts.Sum(t => (long)t.Length) * targets.Length;
        if (characters > _options.MaxCharacters)
        {
            await ErrorAsync(context, 400, 400050, $"The input text is too long ({characters} characters × targets, at most {_options.MaxCharacters}).");
            return;
        }

        var fault = NextFault();
        if (fault != EmulatorFault.None)
        {
            Interlocked.Increment(ref _faultsInjected);
        }

        _log.Enqueue(new EmulatorRequest(
            query["from"].ToString() is { Length: > 0 } from ? from : null,
            targets,
            html,
            texts.Count,
            characters,
            context.Request.Headers["Ocp-Apim-Subscription-Region"].ToString() is { Length: > 0 } region ? region : null,
            context.Request.Headers["X-ClientTraceId"].ToString() is { Length: > 0 } trace ? trace : null,
            fault));

        switch (fault)
        {
            case EmulatorFault.TooManyRequestsWithRetryAfter:
                context.Response.Headers.RetryAfter = _options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ErrorAsync(context, 429, 429001, "The server rejected the request because the client has exceeded request limits.");
                return;
            case EmulatorFault.TooManyRequests:
                await ErrorAsync(context, 429, 429000, "The server rejected the request because the client has exceeded request limits.");
                return;
            case EmulatorFault.RequestTimeout:
                await ErrorAsync(context, 408, 408001, "The translation system requested is being prepared. Please retry in a few minutes.");
                return;
            case EmulatorFault.InternalServerError:
                await ErrorAsync(context, 500, 500000, "An unexpected error occurred.");
                return;
            case EmulatorFault.ServiceUnavailable:
                await ErrorAsync(context, 503, 503000, "Service is temporarily unavailable. Retry.");
                return;
            case EmulatorFault.BadRequest:
                await ErrorAsync(context, 400, 400000, "One of the request inputs is not valid.");
                return;
            case EmulatorFault.Forbidden:
                await ErrorAsync(context, 403, 403001, "The operation is not allowed because the subscription has exceeded its free quota.");
                return;
            case EmulatorFault.SlowResponse:
                try
                {
                    await Task.Delay(_options.SlowResponseDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should: nothing was delivered, nothing is metered.
                    return;
                }

                break;
        }

        var sourceLanguage = query["from"].ToString() is { Length: > 0 } named ? named : null;
        var body = ResponseBody(fault == EmulatorFault.WrongElementCount ? texts.Take(texts.Count - 1).ToList() : texts, sourceLanguage, targets, html);
        body = fault switch
        {
            EmulatorFault.TruncatedJson => body[..(body.Length / 2)],
            EmulatorFault.MalformedJson => Encoding.UTF8.GetBytes("<html><body>upstream error</body></html>"),
            _ => body,
        };

        Meter(texts, targets, characters);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers["X-RequestId"] = Guid.NewGuid().ToString();
        context.Response.Headers["X-Metered-Usage"] = characters.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private void Meter(List<string> texts, string[] targets, long characters)
    {
        Interlocked.Add(ref _charactersMetered, characters);
        var repeated = false;
        foreach (var text in texts)
        {
            _charactersByText.AddOrUpdate(text, (long)text.Length * targets.Length, (_, c) => c + ((long)text.Length * targets.Length));
            _requestsByText.AddOrUpdate(text, 1, (_, n) => n + 1);
            foreach (var target in targets)
            {
                repeated |= _translations.AddOrUpdate((target, text), 1, (_, n) => n + 1) > 1;
            }
        }

        if (repeated)
        {
            Interlocked.Increment(ref _repeatedRequests);
        }
    }

    private EmulatorFault NextFault()
    {
        lock (_faultLock)
        {
            if (_sequenceIndex < _faults.Sequence.Count)
            {
                return _faults.Sequence[_sequenceIndex++];
            }

            if (_faults.Rate > 0 && _faults.Storm.Count > 0 && _random.NextDouble() < _faults.Rate)
            {
                return _faults.Storm[_random.Next(_faults.Storm.Count)];
            }

            return EmulatorFault.None;
        }
    }

    private static async Task<List<string>> ReadTextsAsync(Stream body, CancellationToken cancellationToken)
    {
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        if (json.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("not an array");
        }

        var texts = new List<string>();
        foreach (var element in json.RootElement.EnumerateArray())
        {
            var text = element.ValueKind == JsonValueKind.Object
                ? element.EnumerateObject().FirstOrDefault(p => p.NameEquals("Text") || p.NameEquals("text")).Value
                : default;
            texts.Add(text.ValueKind == JsonValueKind.String ? text.GetString()! : throw new JsonException("element without Text"));
        }

        return texts;
    }

    private byte[] ResponseBody(List<string> texts, string? from, string[] targets, bool html)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var text in texts)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("translations");
                foreach (var to in targets)
                {
                    writer.WriteStartObject();
                    writer.WriteString("text", _options.Fixture?.Find(text, from, to) ?? Translate(text, to, html));
                    writer.WriteString("to", to);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static async Task ErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }

    private static Task LanguagesAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // The languages our demos use; the real service lists 100+.
        return context.Response.WriteAsync(
            """{"translation":{"en":{"name":"English","nativeName":"English","dir":"ltr"},"es":{"name":"Spanish","nativeName":"Español","dir":"ltr"},"fr":{"name":"French","nativeName":"Français","dir":"ltr"},"de":{"name":"German","nativeName":"Deutsch","dir":"ltr"}}}""",
            context.RequestAborted);
    }
}

/// <summary>One translate request as the emulator saw it (never the key).</summary>
public sealed record EmulatorRequest(
    string? From,
    IReadOnlyList<string> To,
    bool Html,
    int Elements,
    long Characters,
    string? Region,
    string? ClientTraceId,
    EmulatorFault Fault);
