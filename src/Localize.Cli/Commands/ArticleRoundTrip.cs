using System.Text;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Translation;

namespace Localize.Cli.Commands;

/// <summary>What became of one file: its merged bytes, or why there are none; the segments it held.</summary>
public readonly record struct ArticleOutcome(byte[]? Merged, string? Problem, int Segments);

/// <summary>
/// One article's round trip, bytes in, bytes out: extract with a filter built once for the whole run, fill every
/// segment with its source (identity) or a pseudo-translation, merge. Thread-safe, so files run in parallel.
/// </summary>
public sealed class ArticleRoundTrip(MarkdownFilter filter, bool pseudo)
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] _bom = [0xEF, 0xBB, 0xBF];

    public ArticleOutcome Run(byte[] source)
    {
        // A BOM is kept as it was, and text that is not UTF-8 is an error rather than a guess.
        var hasBom = source.AsSpan().StartsWith(_bom);
        string text;
        try
        {
            text = _strictUtf8.GetString(source.AsSpan(hasBom ? _bom.Length : 0));
        }
        catch (DecoderFallbackException ex)
        {
            return new(null, $"not UTF-8 text ({ex.Message})", 0);
        }

        try
        {
            var document = filter.Extract(text);
            var targets = new string[document.Segments.Count];
            for (var i = 0; i < targets.Length; i++)
            {
                var segment = document.Segments[i].Text;
                targets[i] = pseudo ? PseudoLocalizer.Localize(segment) : segment;
            }

            var result = document.Merge(targets);
            if (!result.Succeeded)
            {
                return new(null, string.Join("; ", result.Failures.Select(f => $"segment {f.SegmentIndex}: {f.Message}")), targets.Length);
            }

            return new(Encode(result.Text!, hasBom), null, targets.Length);
        }
        catch (DocumentFormatException ex)
        {
            var where = ex.Line is { } line ? $" (line {line}{(ex.Field is { } field ? $", field {field}" : string.Empty)})" : string.Empty;
            return new(null, ex.Message + where, 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A filter bug on one file must not hide the results of the others: it is that file's failure, named.
            return new(null, $"internal error: {ex.GetType().Name}: {ex.Message}", 0);
        }
    }

    // One array of the final size: the BOM (if the source had one) and the text's UTF-8 after it.
    private static byte[] Encode(string text, bool withBom)
    {
        var prefix = withBom ? _bom.Length : 0;
        var bytes = new byte[prefix + _strictUtf8.GetByteCount(text)];
        _bom.AsSpan(0, prefix).CopyTo(bytes);
        _strictUtf8.GetBytes(text, bytes.AsSpan(prefix));
        return bytes;
    }
}
