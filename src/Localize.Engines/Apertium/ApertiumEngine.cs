using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Localize.Core.Languages;
using Localize.Core.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Localize.Engines.Apertium;

/// <summary>
/// Apertium, the offline rule-based engine (Debian <c>apertium-eng-spa</c>: en→es, and es→en for back-translation).
/// Needs: the <c>apertium</c> command and the pair's mode installed. Produces: one output per segment, in HTML mode
/// with every code as an isolated element (Apertium splits paired tags), and an <c>unknown-word: …</c> flag for each
/// word it marked with <c>*</c>, the mark itself stripped. One call carries a whole batch, one
/// <c>&lt;p id="sN"&gt;</c> paragraph per segment, so output is matched by id and never by position alone; it goes
/// to the mode's pipeline kept running between calls (<see cref="ApertiumModePipelines"/>), or, when that fails or
/// <see cref="ApertiumOptions.PersistentProcesses"/> is off, to one run of the <c>apertium</c> command.
/// </summary>
public sealed partial class ApertiumEngine : ITranslationEngine, IDisposable
{
    public const string EngineId = "apertium";
    public const string UnknownWordFlag = "unknown-word: ";

    /// <summary>
    /// A private-use character that stands in for the source's own asterisks on the way through Apertium, which passes
    /// it untouched; otherwise "*Note" in a source would be read back as an unknown-word mark and lose its star.
    /// </summary>
    private const char SourceAsterisk = '\uE02A';

    private readonly ApertiumOptions _options;
    private readonly ILogger<ApertiumEngine> _logger;
    private readonly ApertiumAnalyser _termAnalyser;
    private readonly ApertiumModePipelines? _pipelines;

    /// <summary>Stops the running pipelines and the term analyser's long-lived processes.</summary>
    public void Dispose()
    {
        _pipelines?.Dispose();
        _termAnalyser.Dispose();
    }

    public ApertiumEngine(IOptions<ApertiumOptions> options, ILogger<ApertiumEngine>? logger = null, TimeProvider? clock = null)
    {
        _options = options.Value;
        _logger = logger ?? NullLogger<ApertiumEngine>.Instance;
        _termAnalyser = new ApertiumAnalyser(options, NullLogger<ApertiumAnalyser>.Instance);
        _pipelines = _options.PersistentProcesses ? new ApertiumModePipelines(_options, _logger, clock ?? TimeProvider.System) : null;
        Capabilities = new EngineCapabilities(
            MaxTextsPerBatch: _options.MaxSegmentsPerCall,
            MaxCharactersPerBatch: _options.MaxCharactersPerCall,
            MaxLocalesPerBatch: 1,
            MaxConcurrentBatches: Math.Max(1, _options.MaxConcurrentCalls),
            Markup: EngineMarkup.HtmlIsolated,
            BatchAttempts: 2);
    }

    public string Id => EngineId;

    public EngineCapabilities Capabilities { get; }

    public EngineAvailability CheckAvailability()
    {
        if (!ApertiumProcess.CommandExists(_options.Command))
        {
            return new EngineAvailability(EngineId, false, false,
                $"'{_options.Command}' not found (install it: apt-get install -y apertium apertium-eng-spa)");
        }

        var modes = InstalledModes();
        return modes.Count == 0
            ? new EngineAvailability(EngineId, false, false, $"no Apertium language pair installed in {_options.ModesDirectory}")
            : new EngineAvailability(EngineId, true, false, $"pairs: {string.Join(", ", modes.Order())}");
    }

    public string? CheckPair(string sourceLanguage, string targetLocale)
    {
        var mode = Mode(sourceLanguage, targetLocale);
        return mode is not null && InstalledModes().Contains(mode)
            ? null
            : $"Apertium has no installed pair {sourceLanguage}→{targetLocale} (mode {mode ?? "unknown"} is not in {_options.ModesDirectory})";
    }

    public async Task<EngineBatchResult> TranslateBatchAsync(EngineBatch batch, CancellationToken cancellationToken)
    {
        var outputs = new IReadOnlyList<EngineOutput>[batch.Texts.Count];
        // One locale per batch (MaxLocalesPerBatch is 1), but stay correct if called with more.
        var perLocale = new List<EngineOutput[]>();
        foreach (var locale in batch.TargetLocales)
        {
            var mode = Mode(batch.SourceLanguage, locale)
                ?? throw new TranslationEngineException($"no Apertium mode for {batch.SourceLanguage}→{locale}", false);
            perLocale.Add(await TranslateCallAsync(mode, locale, batch.Texts, cancellationToken));
        }

        for (var t = 0; t < batch.Texts.Count; t++)
        {
            outputs[t] = perLocale.Select(l => l[t]).ToArray();
        }

        return new EngineBatchResult(outputs, 0);
    }

    private async Task<EngineOutput[]> TranslateCallAsync(string mode, string locale, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var input = new StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            input.Append("<p id=\"s").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(texts[i].Replace('*', SourceAsterisk)).Append("</p>\n");
        }

        var stdout = await RunAsync(mode, input.ToString(), cancellationToken);
        var outputs = new string[texts.Count];
        var next = 0;
        foreach (Match match in ParagraphPattern().Matches(stdout))
        {
            var id = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (id != next)
            {
                throw new TranslationEngineException($"apertium {mode} returned paragraph s{id} where s{next} was expected", false);
            }

            outputs[next] = KeepSourceCaseOfFirstWord(texts[next], match.Groups[2].Value);
            next++;
        }

        if (next != texts.Count)
        {
            throw new TranslationEngineException($"apertium {mode} returned {next} paragraphs for {texts.Count} segments", false);
        }

        return [.. (await AgreeArticlesAsync(locale, outputs, cancellationToken)).Select(StripUnknownWords)];
    }

    /// <summary>
    /// Apertium writes an article for a glossary term it only sees as an element, in the default gender ("el" +
    /// ketamina). The terms of the batch go through the target's analyser in one call; the article right before each
    /// term is then made to agree with the term's gender and number, as the language pack's articles say. Without an
    /// analyser for the locale, or for a term it cannot read, the article is left as Apertium wrote it.
    /// </summary>
    private async Task<string[]> AgreeArticlesAsync(string locale, string[] outputs, CancellationToken cancellationToken)
    {
        var articles = LanguagePacks.For(locale).Articles;
        var terms = outputs.SelectMany(o => TermElement().Matches(o)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).ToArray();
        if (terms.Length == 0 || articles.Count == 0 || _termAnalyser.Unavailable(locale) is not null)
        {
            return outputs;
        }

        var analyses = await _termAnalyser.AnalyseAsync(locale, terms, cancellationToken);
        var agreement = new Dictionary<string, (string Gender, string Number)>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++)
        {
            if (analyses[i]?.Words.FirstOrDefault(w => w.Has("n")) is { } noun
                && (noun.Has("f") ? "f" : noun.Has("m") ? "m" : null) is { } gender
                && (noun.Has("sg") ? "sg" : noun.Has("pl") ? "pl" : null) is { } number)
            {
                agreement[terms[i]] = (gender, number);
            }
        }

        return [.. outputs.Select(output => AgreeBefore(output, articles, agreement))];
    }

    private static string AgreeBefore(string output, IReadOnlyList<ArticleForm> articles, Dictionary<string, (string Gender, string Number)> agreement)
    {
        var text = new StringBuilder(output);
        // Right to left, so the positions of earlier terms hold while a later article changes length.
        foreach (var match in TermElement().Matches(output).Reverse())
        {
            if (!agreement.TryGetValue(WebUtility.HtmlDecode(match.Groups[1].Value), out var term))
            {
                continue;
            }

            var before = output[..match.Index].TrimEnd();
            var article = articles.OrderByDescending(a => a.Form.Length).FirstOrDefault(a =>
                before.EndsWith(a.Form, StringComparison.OrdinalIgnoreCase)
                && (before.Length == a.Form.Length || !char.IsLetter(before[before.Length - a.Form.Length - 1])));
            if (article is null || (article.Gender == term.Gender && article.Number == term.Number)
                || articles.FirstOrDefault(a => a.Kind == article.Kind && a.Gender == term.Gender && a.Number == term.Number) is not { } agreeing)
            {
                continue;
            }

            var at = before.Length - article.Form.Length;
            var form = char.IsUpper(output[at]) ? char.ToUpperInvariant(agreeing.Form[0]) + agreeing.Form[1..] : agreeing.Form;
            text.Remove(at, article.Form.Length).Insert(at, form);
        }

        return text.ToString();
    }

    /// <summary>The mode's running pipeline; when it fails, the batch is one call of the <c>apertium</c> command of its own.</summary>
    private async Task<string> RunAsync(string mode, string input, CancellationToken cancellationToken)
    {
        var timeout = TimeoutFor(input.Length);
        if (_pipelines is not null)
        {
            try
            {
                return await _pipelines.TranslateHtmlAsync(mode, input, timeout, cancellationToken);
            }
            catch (TranslationEngineException ex)
            {
                _logger.LogWarning("The running apertium {Mode} pipeline failed ({Reason}); this batch runs as one apertium call", mode, ex.Message);
            }
        }

        return await ApertiumProcess.RunAsync(_options.Command, ["-f", "html", mode], input, timeout, $"apertium {mode}", _logger, cancellationToken);
    }

    /// <summary>The running pipelines, if the engine keeps them; for tests.</summary>
    internal ApertiumModePipelines? Pipelines => _pipelines;

    /// <summary>The call's time limit grows with what it carries (see <see cref="ApertiumOptions.CallTimeout"/>).</summary>
    private TimeSpan TimeoutFor(int characters) =>
        _options.CallTimeout * Math.Max(1, Math.Ceiling(characters / (double)Math.Max(1, _options.CharactersPerCallTimeout)));

    /// <summary>Apertium marks words it does not know with <c>*</c>; the reviewer sees a flag, the reader no star.</summary>
    private static EngineOutput StripUnknownWords(string text)
    {
        if (!text.Contains('*', StringComparison.Ordinal))
        {
            return new EngineOutput(text.Replace(SourceAsterisk, '*'), []);
        }

        var flags = new List<string>();
        var stripped = UnknownWordPattern().Replace(text, match =>
        {
            var flag = UnknownWordFlag + match.Groups[1].Value;
            if (!flags.Contains(flag))
            {
                flags.Add(flag);
            }

            return match.Groups[1].Value;
        });
        return new EngineOutput(stripped.Replace(SourceAsterisk, '*'), flags);
    }

    /// <summary>
    /// Apertium's transfer rules capitalise the first word of every paragraph it is given, as if it began a sentence,
    /// even when a code or a protected term comes first ("&lt;x id="t1"/&gt; is an anaesthetic" → "… Es un anestésico")
    /// or the source starts in lower case (a list item that continues a sentence). The source decides: when its first
    /// word outside markup is lower case, so is the output's (an acronym or a name Apertium kept is left alone).
    /// </summary>
    internal static string KeepSourceCaseOfFirstWord(string sourceHtml, string outputHtml)
    {
        var sourceAt = FirstLetterOutsideTags(sourceHtml);
        var outputAt = FirstLetterOutsideTags(outputHtml);
        if (sourceAt < 0 || outputAt < 0 || !char.IsLower(sourceHtml[sourceAt]) || !char.IsUpper(outputHtml[outputAt])
            || outputAt + 1 >= outputHtml.Length || !char.IsLower(outputHtml[outputAt + 1]))
        {
            return outputHtml;
        }

        return string.Concat(outputHtml.AsSpan(0, outputAt), char.ToLowerInvariant(outputHtml[outputAt]).ToString(), outputHtml.AsSpan(outputAt + 1));
    }

    private static int FirstLetterOutsideTags(string html)
    {
        var inTag = false;
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag && c != '*' && c != SourceAsterisk && (char.IsLetterOrDigit(c) || c == '&'))
            {
                // An entity or a digit starts the text too: nothing to recase then.
                return char.IsLetter(c) ? i : -1;
            }
        }

        return -1;
    }

    // Apertium names its modes by ISO 639-3 codes (eng-spa), which the language pack gives for any locale.
    private static string? Mode(string sourceLanguage, string targetLocale) =>
        LanguagePacks.For(sourceLanguage).ThreeLetterCode is { Length: > 0 } from && LanguagePacks.For(targetLocale).ThreeLetterCode is { Length: > 0 } to
            ? $"{from}-{to}"
            : null;

    private HashSet<string> InstalledModes()
    {
        if (!Directory.Exists(_options.ModesDirectory))
        {
            return [];
        }

        return Directory.EnumerateFiles(_options.ModesDirectory, "*.mode")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<x id=\"g\\d+\" data-term=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex TermElement();

    [GeneratedRegex("<p id=\"s(\\d+)\">(.*?)</p>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}*])\*(\p{L}[\p{L}\p{N}'’-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownWordPattern();
}
