using System.Text;
using System.Text.RegularExpressions;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Segments;

namespace Localize.Core.Resx;

/// <summary>
/// Turns a resource value into segment text with inline codes, and a translated segment back into a value. Protected:
/// .NET composite-format placeholders (<c>{0}</c>, <c>{1:N2}</c>, <c>{0,-10}</c>) and their escapes (<c>{{</c>,
/// <c>}}</c>), named placeholders (<c>{name}</c>, as websites' i18n libraries write them), HTML tags (an opening tag
/// and its matching closing tag become one paired code, so a translator can move <c>&lt;b&gt;</c>…<c>&lt;/b&gt;</c>
/// around words but not break it), HTML comments and character references (<c>&amp;nbsp;</c>).
/// </summary>
public static partial class ResxValueCodes
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    public static (string Text, IReadOnlyList<InlineCode> Codes) Protect(string value)
    {
        var tokens = FindTokens(value);
        if (tokens.Count == 0)
        {
            return (InlineMarkup.Escape(value), []);
        }

        var closingOf = PairTags(tokens);
        var text = new StringBuilder(value.Length + (tokens.Count * 12));
        var codes = new List<InlineCode>();
        var idOfClosing = new Dictionary<int, int>();
        var copied = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            text.Append(InlineMarkup.Escape(value[copied..token.Index]));
            copied = token.Index + token.Length;
            if (idOfClosing.Remove(t, out _))
            {
                text.Append(InlineMarkup.CloseTag);
                continue;
            }

            var id = codes.Count + 1;
            if (closingOf.TryGetValue(t, out var closing))
            {
                var close = tokens[closing];
                codes.Add(new InlineCode(id, token.Kind, token.Value, close.Value));
                idOfClosing[closing] = id;
                text.Append(InlineMarkup.OpenTag(id));
            }
            else
            {
                codes.Add(new InlineCode(id, token.Kind, token.Value, string.Empty));
                text.Append(InlineMarkup.PlaceholderTag(id));
            }
        }

        text.Append(InlineMarkup.Escape(value[copied..]));
        return (text.ToString(), codes);
    }

    /// <summary>
    /// A translated value (from an existing culture file) as a target of its neutral segment: each code takes the id of
    /// the source's code with the same markup, wherever the translation moved it. A code the source lacks keeps an id
    /// the source does not have, so the code comparison reports it rather than this method hiding it.
    /// </summary>
    public static string TargetFor(string value, SourceSegment source)
    {
        var (text, codes) = Protect(value);
        if (codes.Count == 0)
        {
            return text;
        }

        var unused = source.Codes.ToList();
        var ids = new Dictionary<int, int>();
        foreach (var code in codes)
        {
            var match = unused.FirstOrDefault(c => c.Opening == code.Opening && c.Closing == code.Closing);
            if (match is not null)
            {
                ids[code.Id] = match.Id;
                unused.Remove(match);
            }
        }

        var target = new StringBuilder(text.Length);
        foreach (var part in InlineMarkup.Parse(text))
        {
            var id = ids.GetValueOrDefault(part.CodeId, source.Codes.Count + part.CodeId);
            target.Append(part.Kind switch
            {
                InlinePartKind.Text => InlineMarkup.Escape(part.Text),
                InlinePartKind.Open => InlineMarkup.OpenTag(id),
                InlinePartKind.Close => InlineMarkup.CloseTag,
                _ => InlineMarkup.PlaceholderTag(id),
            });
        }

        return target.ToString();
    }

    /// <summary>The value a translated segment stands for: its text with each code's original markup put back.</summary>
    public static string Restore(IReadOnlyList<InlinePart> parts, IReadOnlyList<InlineCode> codes)
    {
        var value = new StringBuilder();
        foreach (var part in parts)
        {
            value.Append(part.Kind switch
            {
                InlinePartKind.Text => part.Text,
                InlinePartKind.Open or InlinePartKind.Placeholder => codes[part.CodeId - 1].Opening,
                _ => codes[part.CodeId - 1].Closing,
            });
        }

        return value.ToString();
    }

    private static List<Token> FindTokens(string value)
    {
        var tokens = new List<Token>();
        foreach (Match match in TokenPattern().Matches(value))
        {
            var kind = match.Groups["format"].Success ? "placeholder"
                : match.Groups["escape"].Success ? "escape"
                : match.Groups["entity"].Success ? "entity"
                : "html";
            tokens.Add(new Token(match.Index, match.Length, match.Value, kind));
        }

        return tokens;
    }

    /// <summary>Opening tag index → its closing tag's, for properly nested pairs; every other tag stays a placeholder.</summary>
    private static Dictionary<int, int> PairTags(List<Token> tokens)
    {
        var pairs = new Dictionary<int, int>();
        var open = new Stack<(int Index, string Name)>();
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Kind != "html" || TagName().Match(tokens[t].Value) is not { Success: true } tag)
            {
                continue;
            }

            var name = tag.Groups["name"].Value;
            var closing = tag.Groups["slash"].Success;
            var selfClosing = tokens[t].Value.EndsWith("/>", StringComparison.Ordinal);
            if (closing)
            {
                if (open.TryPeek(out var top) && string.Equals(top.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    pairs[open.Pop().Index] = t;
                }
            }
            else if (!selfClosing && !VoidElements.Contains(name))
            {
                open.Push((t, name));
            }
        }

        return pairs;
    }

    private readonly record struct Token(int Index, int Length, string Value, string Kind);

    [GeneratedRegex(
        @"(?<escape>\{\{|\}\})|(?<format>\{\d+(?:\s*,\s*-?\d+)?(?::[^{}]*)?\}|\{[A-Za-z_][A-Za-z0-9_.]*\})|(?<comment><!--.*?-->)|(?<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)|(?<entity>&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)",
        RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^<(?<slash>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)")]
    private static partial Regex TagName();
}
