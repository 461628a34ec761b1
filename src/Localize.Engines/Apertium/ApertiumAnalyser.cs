using System.Text;
using System.Text.RegularExpressions;
using Localize.Core.Checks.Analysis;
using Localize.Core.Languages;
using Localize.Core.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Localize.Engines.Apertium;

/// <summary>
/// Apertium's own morphological analyser and tagger (<c>lt-proc</c> | <c>apertium-tagger -g</c>), as the checks read
/// a target: lemma, part of speech, mood and person of each word, and which words it does not know. A whole batch is
/// one request — texts joined with a superblank the analyser passes through untouched — to a long-lived pair of
/// processes per locale run with <c>-z</c> (null-flush), so a batch costs neither a process start nor the loading of
/// the dictionaries; when that pair fails, the batch is retried with one process call of its own. A call that fails
/// leaves the batch unanalysed (the checks fall back to word lists) and is logged; it never stops a translation.
/// </summary>
public sealed partial class ApertiumAnalyser(IOptions<ApertiumOptions> options, ILogger<ApertiumAnalyser> logger) : IMorphologicalAnalyser, IDisposable
{
    private const string Separator = "[@@]";

    private readonly ApertiumOptions _options = options.Value;
    private readonly Dictionary<string, LocaleProcesses> _processes = new(StringComparer.OrdinalIgnoreCase);
    private bool _disposed;

    public void Dispose()
    {
        lock (_processes)
        {
            _disposed = true;
            foreach (var processes in _processes.Values)
            {
                processes.Dispose();
            }

            _processes.Clear();
        }
    }

    /// <summary>Every batch in a process of its own, as before the long-lived processes; what tests compare them with.</summary>
    internal bool OneProcessPerBatch { get; init; }

    /// <summary>The locale's long-lived processes (started on first use); for tests that kill one as a crash would.</summary>
    internal LocaleProcesses ProcessesFor(string locale)
    {
        var files = Files(locale) ?? throw new InvalidOperationException($"no Apertium analyser is configured for {locale}");
        lock (_processes)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_processes.TryGetValue(files.Analyser, out var processes))
            {
                processes = new LocaleProcesses(
                    new NullFlushProcess(_options.Shell, ["-c", TaggedPipeline(nullFlush: true), "sh", .. TaggedArguments(files)], $"apertium analyser ({locale})", logger),
                    new NullFlushProcess(_options.AnalyserCommand, ["-z", files.Analyser], $"apertium analyser ({locale})", logger));
                _processes[files.Analyser] = processes;
            }

            return processes;
        }
    }

    /// <summary>One request to the long-lived process; when it fails, one process call of the request's own.</summary>
    private async Task<string> CallAsync(NullFlushProcess process, string command, IReadOnlyList<string> arguments, string input, string locale, CancellationToken cancellationToken)
    {
        if (!OneProcessPerBatch)
        {
            try
            {
                return await process.CallAsync(input, _options.CallTimeout, cancellationToken);
            }
            catch (TranslationEngineException ex)
            {
                logger.LogWarning("The long-lived {Locale} analyser failed ({Reason}); this batch runs in a process of its own", locale, ex.Message);
            }
        }

        return await ApertiumProcess.RunAsync(command, arguments, input, _options.CallTimeout, $"apertium analyser ({locale})", logger, cancellationToken);
    }

    private static string TaggedPipeline(bool nullFlush) =>
        nullFlush ? "\"$1\" -z \"$2\" | \"$3\" -g -p -z \"$4\"" : "\"$1\" \"$2\" | \"$3\" -g -p \"$4\"";

    private string[] TaggedArguments(ApertiumAnalyserFiles files) => [_options.AnalyserCommand, files.Analyser, _options.TaggerCommand, files.Tagger];

    public string? Unavailable(string locale)
    {
        if (Files(locale) is not { } files)
        {
            return $"no Apertium analyser is configured for {locale}";
        }

        if (!ApertiumProcess.CommandExists(_options.AnalyserCommand) || !ApertiumProcess.CommandExists(_options.TaggerCommand))
        {
            return $"'{_options.AnalyserCommand}' or '{_options.TaggerCommand}' not found (apt-get install -y apertium apertium-eng-spa)";
        }

        return File.Exists(files.Analyser) && File.Exists(files.Tagger) ? null : $"the {locale} analyser files are not installed ({files.Analyser}, {files.Tagger})";
    }

    public async Task<IReadOnlyList<TextAnalysis?>> AnalyseAsync(string locale, IReadOnlyList<string> plainTexts, CancellationToken cancellationToken)
    {
        var none = new TextAnalysis?[plainTexts.Count];
        if (plainTexts.Count == 0 || Unavailable(locale) is not null)
        {
            return none;
        }

        var files = Files(locale)!;
        var processes = ProcessesFor(locale);
        var input = new StringBuilder();
        foreach (var text in plainTexts)
        {
            Escape(text, input);
            input.Append(Separator).Append('\n');
        }

        string output;
        try
        {
            output = await CallAsync(processes.Tagged, _options.Shell, ["-c", TaggedPipeline(nullFlush: false), "sh", .. TaggedArguments(files)], input.ToString(), locale, cancellationToken);
        }
        catch (TranslationEngineException ex)
        {
            logger.LogWarning("The {Locale} analyser failed on {Count} texts; they are checked by word lists only: {Reason}", locale, plainTexts.Count, ex.Message);
            return none;
        }

        var parts = output.Split(Separator);
        if (parts.Length < plainTexts.Count)
        {
            logger.LogWarning("The {Locale} analyser returned {Parts} texts for {Count}; checked by word lists only", locale, parts.Length, plainTexts.Count);
            return none;
        }

        var analyses = new TextAnalysis?[plainTexts.Count];
        for (var i = 0; i < plainTexts.Count; i++)
        {
            analyses[i] = Parse(parts[i]);
        }

        return await FindGluedWordsAsync(locale, files, processes, analyses, cancellationToken);
    }

    /// <summary>
    /// Unknown words that split into known ones ("perfildeseguridad", "cursode7") are words the engine glued together.
    /// Every piece of every unknown word of the batch goes through the analyser in one more call; a word is glued when it
    /// splits wholly into known words of three letters or more, the language's short function words and digits.
    /// </summary>
    private async Task<TextAnalysis?[]> FindGluedWordsAsync(string locale, ApertiumAnalyserFiles files, LocaleProcesses processes, TextAnalysis?[] analyses, CancellationToken cancellationToken)
    {
        var unknown = analyses.OfType<TextAnalysis>().SelectMany(a => a.Words)
            .Where(w => w.IsUnknown && w.Surface.Length >= 5 && w.Surface.All(char.IsLetterOrDigit))
            .Select(w => w.Surface.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length == 0)
        {
            return analyses;
        }

        var pieces = unknown.SelectMany(Pieces).Distinct(StringComparer.Ordinal).ToArray();
        var input = new StringBuilder();
        foreach (var piece in pieces)
        {
            Escape(piece, input);
            input.Append(Separator);
        }

        HashSet<string> known;
        try
        {
            var output = await CallAsync(processes.Words, _options.AnalyserCommand, [files.Analyser], input.ToString(), locale, cancellationToken);
            known = [.. LexicalUnit().Matches(output).Where(m => !m.Groups["analysis"].Value.StartsWith('*')).Select(m => Unescape(m.Groups["surface"].Value))];
        }
        catch (TranslationEngineException ex)
        {
            logger.LogWarning("The {Locale} analyser failed on the pieces of unknown words; glued words are not looked for: {Reason}", locale, ex.Message);
            return analyses;
        }

        var shortWords = LanguagePacks.For(locale).FunctionWords;
        return [.. analyses.Select(a => a is null ? null : a with
        {
            Words = [.. a.Words.Select(w => w.IsUnknown && Split(w.Surface.ToLowerInvariant(), known, shortWords) is { } parts ? w with { GluedParts = parts } : w)],
        })];
    }

    /// <summary>Every substring of a word that could be one of its words: digit runs apart, letter runs of two letters or more.</summary>
    private static IEnumerable<string> Pieces(string word)
    {
        for (var start = 0; start < word.Length; start++)
        {
            for (var end = start + 2; end <= word.Length; end++)
            {
                var piece = word[start..end];
                if (piece.All(char.IsLetter))
                {
                    yield return piece;
                }
            }
        }
    }

    /// <summary>The word as two or more known words, digit runs and short function words, if it is one; fewest pieces first.</summary>
    private static IReadOnlyList<string>? Split(string word, HashSet<string> known, IReadOnlySet<string> shortWords)
    {
        // best[i]: the fewest pieces that make word[..i], and where the last one starts.
        var best = new (int Count, int From)[word.Length + 1];
        Array.Fill(best, (int.MaxValue, -1));
        best[0] = (0, 0);
        for (var end = 1; end <= word.Length; end++)
        {
            for (var start = 0; start < end; start++)
            {
                if (best[start].Count == int.MaxValue)
                {
                    continue;
                }

                var piece = word[start..end];
                var usable = piece.All(char.IsDigit)
                    ? start == 0 || !char.IsDigit(word[start - 1])
                    : piece.All(char.IsLetter) && ((piece.Length >= 3 && known.Contains(piece)) || shortWords.Contains(piece));
                if (usable && best[start].Count + 1 < best[end].Count)
                {
                    best[end] = (best[start].Count + 1, start);
                }
            }
        }

        if (best[word.Length].Count is int.MaxValue or < 2)
        {
            return null;
        }

        var parts = new List<string>();
        for (var end = word.Length; end > 0; end = best[end].From)
        {
            parts.Insert(0, word[best[end].From..end]);
        }

        return parts;
    }

    /// <summary>Reads the tagger's stream: <c>^surface/lemma&lt;tag&gt;…$</c>, unknown words as <c>^surface/*surface$</c>.</summary>
    public static TextAnalysis Parse(string stream)
    {
        var words = new List<AnalysedWord>();
        foreach (Match match in LexicalUnit().Matches(stream))
        {
            var surface = Unescape(match.Groups["surface"].Value);
            var analysis = match.Groups["analysis"].Value;
            if (analysis.StartsWith('*'))
            {
                words.Add(new AnalysedWord(surface, surface, [], IsUnknown: true));
                continue;
            }

            // A multiword with an invariable part ("tener<vbmod><pri><p2><sg># que") keeps it in its lemma ("tener que");
            // a clitic cluster ("prpers<prn>…+prpers<prn>…") is read by its first part.
            var first = analysis.Split('/')[0].Split('+')[0];
            var tagAt = first.IndexOf('<', StringComparison.Ordinal);
            var lemma = Unescape(tagAt < 0 ? first : first[..tagAt]);
            var tags = Tag().Matches(first).Select(t => t.Groups[1].Value).ToArray();
            var hash = first.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                lemma = $"{lemma} {Unescape(first[(hash + 1)..]).Trim()}";
            }

            words.Add(new AnalysedWord(surface, lemma, tags, IsUnknown: false));
        }

        return new TextAnalysis(words);
    }

    private ApertiumAnalyserFiles? Files(string locale)
    {
        var language = LanguagePacks.For(locale).Language;
        return _options.Analysers.TryGetValue(locale, out var exact) ? exact
            : _options.Analysers.TryGetValue(language, out var general) ? general
            : null;
    }

    /// <summary>The stream format's reserved characters are escaped; a line break would end nothing useful, so it is a space.</summary>
    private static void Escape(string text, StringBuilder into)
    {
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                into.Append(' ');
                continue;
            }

            if (c is '\\' or '[' or ']' or '^' or '$' or '/' or '@' or '*' or '#' or '<' or '>' or '{' or '}')
            {
                into.Append('\\');
            }

            into.Append(c);
        }
    }

    private static string Unescape(string text) => text.Contains('\\', StringComparison.Ordinal) ? Backslash().Replace(text, "$1") : text;

    [GeneratedRegex(@"\^(?<surface>(?:\\.|[^/$\\])*)/(?<analysis>(?:\\.|[^$\\])*)\$", RegexOptions.CultureInvariant)]
    private static partial Regex LexicalUnit();

    [GeneratedRegex("<([^<>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\\(.)", RegexOptions.CultureInvariant)]
    private static partial Regex Backslash();
}

/// <summary>One locale's long-lived processes: the analyser and tagger for texts, the analyser alone for word pieces.</summary>
internal sealed record LocaleProcesses(NullFlushProcess Tagged, NullFlushProcess Words) : IDisposable
{
    public void Dispose()
    {
        Tagged.Dispose();
        Words.Dispose();
    }
}
