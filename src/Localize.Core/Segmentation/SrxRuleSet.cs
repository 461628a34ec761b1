using System.Text.RegularExpressions;
using System.Xml.Linq;
using Localize.Core.Languages;

namespace Localize.Core.Segmentation;

/// <summary>
/// An SRX 2.0 rule document: language rules (ordered break / no-break rules, each a "before" and an "after" regular
/// expression) and the map that says which of them apply to a language. Parsing is separate from segmenting so a rule
/// set is read once and shared; <see cref="ForLanguage"/> compiles and caches the cascade for one language.
/// </summary>
public sealed class SrxRuleSet
{
    private static readonly XNamespace _srx = "http://www.lisa.org/srx20";
    private static readonly Lazy<SrxRuleSet> _default = new(() => Parse(DefaultSegmentationRules.Srx, withLanguagePacks: true));

    private readonly Dictionary<string, IReadOnlyList<SrxRule>> _languageRules;
    private readonly IReadOnlyList<(Regex Pattern, string RuleName)> _map;
    private readonly bool _cascade;
    private readonly bool _withLanguagePacks;
    private readonly Dictionary<string, SentenceSegmenter> _segmenters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    private SrxRuleSet(Dictionary<string, IReadOnlyList<SrxRule>> languageRules, IReadOnlyList<(Regex, string)> map, bool cascade, bool withLanguagePacks)
    {
        _withLanguagePacks = withLanguagePacks;
        _languageRules = languageRules;
        _map = map;
        _cascade = cascade;
    }

    /// <summary>Each language pack's sentence rules, then the default ones of <see cref="DefaultSegmentationRules"/>.</summary>
    public static SrxRuleSet Default => _default.Value;

    /// <summary>A rule document as given; with <paramref name="withLanguagePacks"/>, each language pack's rules come first.</summary>
    public static SrxRuleSet Parse(string srxXml, bool withLanguagePacks = false)
    {
        var root = XDocument.Parse(srxXml).Root ?? throw new FormatException("empty SRX document");
        var header = root.Element(_srx + "header");
        var cascade = (string?)header?.Attribute("cascade") != "no";
        var body = root.Element(_srx + "body") ?? throw new FormatException("SRX document without <body>");

        var languageRules = new Dictionary<string, IReadOnlyList<SrxRule>>(StringComparer.Ordinal);
        foreach (var languageRule in body.Elements(_srx + "languagerules").Elements(_srx + "languagerule"))
        {
            var name = (string?)languageRule.Attribute("languagerulename") ?? throw new FormatException("languagerule without a name");
            languageRules[name] = languageRule.Elements(_srx + "rule")
                .Select(rule => new SrxRule(
                    (string?)rule.Attribute("break") != "no",
                    rule.Element(_srx + "beforebreak")?.Value ?? string.Empty,
                    rule.Element(_srx + "afterbreak")?.Value ?? string.Empty))
                .ToList();
        }

        var map = body.Elements(_srx + "maprules").Elements(_srx + "languagemap")
            .Select(m => (
                new Regex("^(?:" + ((string?)m.Attribute("languagepattern") ?? ".*") + ")$", RegexOptions.CultureInvariant),
                (string?)m.Attribute("languagerulename") ?? string.Empty))
            .ToList();
        foreach (var (_, ruleName) in map)
        {
            if (!languageRules.ContainsKey(ruleName))
            {
                throw new FormatException($"SRX language map names an unknown rule set '{ruleName}'");
            }
        }

        return new SrxRuleSet(languageRules, map, cascade, withLanguagePacks);
    }

    /// <summary>The segmenter for a language code such as "en", "es-MX"; compiled once and cached.</summary>
    public SentenceSegmenter ForLanguage(string language)
    {
        lock (_lock)
        {
            if (!_segmenters.TryGetValue(language, out var segmenter))
            {
                segmenter = new SentenceSegmenter(RulesFor(language));
                _segmenters[language] = segmenter;
            }

            return segmenter;
        }
    }

    private List<SrxRule> RulesFor(string language)
    {
        var rules = _withLanguagePacks ? new List<SrxRule>(LanguagePacks.For(language).SentenceRules) : [];
        foreach (var (pattern, ruleName) in _map)
        {
            if (pattern.IsMatch(language))
            {
                rules.AddRange(_languageRules[ruleName]);
                if (!_cascade)
                {
                    break;
                }
            }
        }

        return rules;
    }
}

/// <summary>One SRX rule: at a position, <paramref name="Before"/> must match the text ending there and
/// <paramref name="After"/> the text starting there.</summary>
public sealed record SrxRule(bool IsBreak, string Before, string After);
