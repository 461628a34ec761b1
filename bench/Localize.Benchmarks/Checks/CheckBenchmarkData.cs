using System.Text.RegularExpressions;
using Localize.Core.Checks;

namespace Localize.Benchmarks.Checks;

/// <summary>
/// Pairs for the checks benchmark. Sources are sentences of the shared corpus (<c>python3
/// /work/shared/bench/gen_corpus.py DIR</c>; point <c>LOCALIZE_BENCH_CORPUS</c> at DIR) or, without it, sentences of
/// the same shape made here; targets are a word-by-word Spanish rendering that keeps the markup, numbers and length
/// of a real translation, so every check does its full work. Medical pairs add doses, units and negations.
/// </summary>
public static partial class CheckBenchmarkData
{
    private static readonly Dictionary<string, string> _toSpanish = new(StringComparer.OrdinalIgnoreCase)
    {
        ["the"] = "el", ["of"] = "de", ["and"] = "y", ["to"] = "a", ["in"] = "en", ["is"] = "es", ["that"] = "que",
        ["for"] = "para", ["it"] = "lo", ["as"] = "como", ["with"] = "con", ["was"] = "fue", ["on"] = "sobre",
        ["be"] = "ser", ["by"] = "por", ["this"] = "este", ["are"] = "son", ["from"] = "desde", ["or"] = "o",
        ["an"] = "un", ["at"] = "en", ["which"] = "cual", ["have"] = "tener", ["not"] = "no", ["but"] = "pero",
        ["can"] = "puede", ["all"] = "todo", ["their"] = "su", ["more"] = "más", ["one"] = "uno", ["also"] = "también",
        ["has"] = "ha", ["been"] = "sido", ["will"] = "será", ["other"] = "otro", ["when"] = "cuando",
        ["there"] = "allí", ["into"] = "dentro", ["than"] = "que", ["only"] = "solo", ["some"] = "algunos",
        ["new"] = "nuevo", ["used"] = "usado", ["these"] = "estos", ["may"] = "puede", ["its"] = "su",
        ["after"] = "después", ["first"] = "primero", ["most"] = "mayoría", ["such"] = "tal", ["where"] = "donde",
        ["what"] = "qué", ["between"] = "entre", ["over"] = "sobre", ["each"] = "cada",
    };

    private static readonly string[] _words =
        ("the of and to in is that for it as with was on be by this are from or an at which have not but can all their "
        + "more one also has been will other when there into than only some new used these may after first most such "
        + "system data model process time user service network file value method result change control design language "
        + "document content release version support feature update server client message request response error").Split(' ');

    public static IReadOnlyList<SegmentPair> CorpusPairs(int count)
    {
        var directory = Environment.GetEnvironmentVariable("LOCALIZE_BENCH_CORPUS");
        var sources = directory is not null && Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal).SelectMany(f => Sentences(File.ReadAllText(f)))
            : Synthesized();
        return [.. sources.Take(count).Select(s => new SegmentPair("en", "es", s, Translate(s)))];
    }

    public static IReadOnlyList<SegmentPair> MedicalPairs(int count)
    {
        (string Source, string Target)[] templates =
        [
            ("Take {0} mg of {1} every {2} hours.", "Tome {0} mg de {1} cada {2} horas."),
            ("Do **not** take more than {3} mg in 24 hours.", "**No** tome más de {4} mg en 24 horas."),
            ("About {0} percent of people get better in 2–3 weeks.", "Alrededor del {0} % de las personas mejora en 2–3 semanas."),
            ("See [your doctor](https://example.org/{1}) if the fever lasts more than {2} days.", "Consulte a [su médico](https://example.org/{1}) si la fiebre dura más de {2} días."),
            ("Never give {1} to children under {2} years old.", "Nunca le dé {1} a niños menores de {2} años."),
            ("Give 0.5 mL for each kilogram, twice a day.", "Administre 0,5 ml por cada kilogramo, dos veces al día."),
            ("Your blood pressure should be below 130/80 mmHg.", "Su presión arterial debe estar por debajo de 130/80 mmHg."),
        ];
        string[] drugs = ["ibuprofen", "acetaminophen", "amoxicillin", "metformin", "aspirin"];
        var pairs = new List<SegmentPair>(count);
        for (var i = 0; i < count; i++)
        {
            var (source, target) = templates[i % templates.Length];
            object[] values = [(i % 9 + 1) * 100, drugs[i % drugs.Length], i % 12 + 1, $"{(i % 4) + 1},000", $"{(i % 4) + 1}.000"];
            pairs.Add(new SegmentPair("en", "es", string.Format(source, values), string.Format(target, values)));
        }

        return pairs;
    }

    /// <summary>A language's table of pairs (tests/…/Languages/Specs/&lt;locale&gt;.pairs), repeated to <paramref name="count"/>.</summary>
    public static IReadOnlyList<SegmentPair> LanguagePairs(string locale, int count)
    {
        // The repository holding the tables: above the binaries, or above the working directory (a copied build).
        var directory = RepositoryAbove(AppContext.BaseDirectory) ?? RepositoryAbove(Environment.CurrentDirectory);

        var file = Path.Combine(directory?.FullName ?? ".", "tests", "Localize.Core.Tests", "Languages", "Specs", locale + ".pairs");
        var table = File.ReadAllLines(file)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split(" => "))
            .Select(parts => new SegmentPair("en", locale, parts[0], parts[1]))
            .ToArray();
        return [.. Enumerable.Range(0, count).Select(i => table[i % table.Length])];
    }

    private static DirectoryInfo? RepositoryAbove(string path)
    {
        var directory = new DirectoryInfo(path);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Localize.sln")))
        {
            directory = directory.Parent;
        }

        return directory;
    }

    // Paragraphs, list items and quotes of an article, cut into sentences; headings, tables and code blocks left out.
    private static IEnumerable<string> Sentences(string markdown)
    {
        // The corpus writes each fenced code block as one block between blank lines.
        foreach (var block in markdown.Split("\n\n"))
        {
            if (block.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            if (block.StartsWith('#') || block.StartsWith('|') || block.StartsWith('!'))
            {
                continue;
            }

            // List items are one line each; a paragraph may be wrapped over several lines.
            var lines = block.Split('\n');
            var units = ListMarker().IsMatch(lines[0])
                ? lines.Select(l => ListMarker().Replace(l, string.Empty))
                : [string.Join(' ', lines)];
            foreach (var line in units)
            {
                foreach (var sentence in SentenceBreak().Split(line))
                {
                    if (sentence.Length > 0)
                    {
                        yield return sentence;
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Synthesized()
    {
        var random = new Random(20260101);
        while (true)
        {
            var words = Enumerable.Range(0, random.Next(8, 20)).Select(_ => _words[random.Next(_words.Length)]).ToArray();
            var at = random.Next(words.Length);
            words[at] = random.Next(3) switch
            {
                0 => $"*{words[at]}*",
                1 => $"[{words[at]}](https://example.com/{words[at]})",
                _ => $"`{words[at]}()`",
            };
            yield return char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".";
        }
    }

    private static string Translate(string source) => WordPattern().Replace(source, m => _toSpanish.GetValueOrDefault(m.Value, m.Value));

    [GeneratedRegex(@"^\s*(?:[-*>]|\d+\.)\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?<=[.?!:])\s+(?=[A-Z*\[`<])")]
    private static partial Regex SentenceBreak();

    // Words outside link destinations and code spans, so the markup survives the rendering.
    [GeneratedRegex(@"(?<![\w/(`.])[A-Za-z]+(?![\w/)`])")]
    private static partial Regex WordPattern();
}
