using Localize.Core.Checks;
using Localize.Core.Languages;
using Localize.Testing;

namespace Localize.Core.Tests.Languages;

/// <summary>
/// One table per shipped language (<c>Specs/&lt;locale&gt;.pairs</c>), written as a medical translator of that
/// language would: <c>ok: source =&gt; target</c> rows are correct translations that must raise no error finding;
/// <c>&lt;check-id&gt;: source =&gt; target</c> rows carry one injected error that must be found under that check.
/// </summary>
public sealed class LanguagePackSpecs
{
    private static readonly string _directory = Path.Combine(RepositoryPaths.Root, "tests", "Localize.Core.Tests", "Languages", "Specs");

    public static TheoryData<string> Locales => [.. LocaleNames()];

    public static TheoryData<string, int> CorrectRows => Rows(expected => expected == "ok");

    public static TheoryData<string, int> WrongRows => Rows(expected => expected != "ok");

    [Theory]
    [MemberData(nameof(CorrectRows))]
    public void A_correct_translation_raises_no_error(string locale, int line)
    {
        var row = Read(locale).Single(r => r.Line == line);

        var errors = Check(locale, row).Where(f => f.Severity == Severity.Error).ToList();

        Assert.True(errors.Count == 0, $"{locale}.pairs line {line}: {row.Target}\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(WrongRows))]
    public void An_injected_error_is_found_under_its_check(string locale, int line)
    {
        var row = Read(locale).Single(r => r.Line == line);

        var findings = Check(locale, row);

        Assert.True(
            findings.Any(f => f.CheckId == row.Expected && f.Severity == Severity.Error),
            $"{locale}.pairs line {line}: expected a {row.Expected} error for {row.Target}\nfound: {string.Join("\n", findings)}");
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Every_table_covers_the_errors_a_translation_can_carry(string locale)
    {
        var rows = Read(locale);

        Assert.True(rows.Count(r => r.Expected == "ok") >= 10, $"{locale}: fewer than 10 correct pairs");
        Assert.True(rows.Count(r => r.Expected != "ok") >= 8, $"{locale}: fewer than 8 wrong pairs");
        Assert.All(new[] { "negation", "numbers", "units", "markup", "untranslated" }, id => Assert.Contains(rows, r => r.Expected == id));
        Assert.False(LanguagePacks.For(locale).IsBare, $"{locale} has no registered pack");
    }

    private static IReadOnlyList<Finding> Check(string locale, Row row) =>
        new QualityChecker().RunMarkdown(new SegmentPair("en", locale, row.Source, row.Target));

    private static TheoryData<string, int> Rows(Func<string, bool> which)
    {
        var data = new TheoryData<string, int>();
        foreach (var locale in LocaleNames())
        {
            foreach (var row in Read(locale).Where(r => which(r.Expected)))
            {
                data.Add(locale, row.Line);
            }
        }

        return data;
    }

    private static IEnumerable<string> LocaleNames() =>
        Directory.EnumerateFiles(_directory, "*.pairs").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    private sealed record Row(int Line, string Expected, string Source, string Target);

    private static List<Row> Read(string locale)
    {
        var rows = new List<Row>();
        var lines = File.ReadAllLines(Path.Combine(_directory, locale + ".pairs"));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var arrow = line.IndexOf(" => ", StringComparison.Ordinal);
            if (colon < 0 || arrow < colon)
            {
                throw new FormatException($"{locale}.pairs line {i + 1}: expected 'check-id: source => target'");
            }

            rows.Add(new Row(i + 1, line[..colon], line[(colon + 2)..arrow], line[(arrow + 4)..]));
        }

        return rows;
    }
}
