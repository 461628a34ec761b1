using Dapper;

namespace Localize.Integration.Tests.Hostile;

/// <summary>
/// Translation memories and glossaries from outside (TMX, TBX, CSV) are files a vendor or a stranger wrote. Imported with
/// the CLI, a file with a DOCTYPE (an external entity, an entity bomb, or just the standard DTD's name), a bidi control
/// or NUL in its decoded text, or bytes that are not UTF-8 is refused with its name and line: nothing is expanded,
/// nothing from the machine's files leaks into the memory, and what was imported before stays as it was.
/// </summary>
public sealed class HostileImportTests
{
    private const string Secret = "only-on-this-machine-7f3a";

    private const string GoodTmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="en" creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext"/>
        <body><tu><tuv xml:lang="en"><seg>Drink plenty of water.</seg></tuv><tuv xml:lang="es"><seg>Beba mucha agua.</seg></tuv></tu></body></tmx>
        """;

    private const string LaughsDtd = """
        <!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
        """;

    /// <summary>{secret} stands for a file only this machine has; the test writes it first.</summary>
    public static TheoryData<string, string, string> HostileFiles => new()
    {
        // file name | command | content
        { "xxe.tmx", "tm", Tmx("""<!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>""", "&x;") },
        { "laughs.tmx", "tm", Tmx(LaughsDtd, "&f;") },
        { "xxe.tbx", "glossary", Tbx("""<!DOCTYPE tbx [<!ENTITY x SYSTEM "file://{secret}">]>""", "&x;") },
        { "laughs.tbx", "glossary", Tbx(LaughsDtd, "&f;") },
        // A DOCTYPE that only names the standard DTD is refused too: nothing needs one, and XLIFF and .resx refuse it.
        { "system-dtd.tmx", "tm", Tmx("""<!DOCTYPE tmx SYSTEM "tmx14.dtd">""", string.Empty) },
        { "system-dtd.tbx", "glossary", Tbx("""<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">""", string.Empty) },
        // Decoded text is checked like raw text: a bidi override written as a character reference.
        { "bidi.tmx", "tm", Tmx(string.Empty, "&#x202E;5 mg") },
        { "bidi.tbx", "glossary", Tbx(string.Empty, "&#x202E;") },
        { "bidi.csv", "glossary", "source,target,note\nmigraine,migra\u202Eña,\n" },
        { "nul.csv", "glossary", "source,target,note\nmigraine,migraña,\nrest,desc\0anso,\n" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_tmx_or_tbx_is_refused_with_its_line_and_changes_nothing(string name, string command, string content) =>
        await ImportIsRefusedAsync(name, command, System.Text.Encoding.UTF8.GetBytes(content), expected: null);

    /// <summary>Bytes no text editor saves as UTF-8: refused with the line, never replaced by U+FFFD and stored.</summary>
    [Fact]
    public async Task A_csv_glossary_with_invalid_utf8_is_refused_with_its_line_and_changes_nothing() =>
        await ImportIsRefusedAsync(
            "latin1.csv", "glossary", [.. "source,target,note\nmigraine,migra"u8, 0xF1, .. "a,\n"u8], expected: "latin1.csv line 2: not valid UTF-8");

    private static async Task ImportIsRefusedAsync(string name, string command, byte[] content, string? expected)
    {
        using var repository = new TestRepository();
        var secretFile = Path.Combine(repository.Root, "secret.txt");
        await File.WriteAllTextAsync(secretFile, Secret);
        await File.WriteAllTextAsync(Path.Combine(repository.Root, "good.tmx"), GoodTmx);
        var imported = await InProcessCli.RunAsync(repository, null, "tm", "import", Path.Combine(repository.Root, "good.tmx"));
        Assert.True(imported.ExitCode == 0, imported.Errors);
        var before = await DumpAsync(repository);
        Assert.Contains("Beba mucha agua.", before);

        var hostile = Path.Combine(repository.Root, name);
        var text = System.Text.Encoding.UTF8.GetString(content);
        await File.WriteAllBytesAsync(hostile, text.Contains("{secret}", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetBytes(text.Replace("{secret}", secretFile, StringComparison.Ordinal))
            : content);
        string[] args = command == "tm" ? ["tm", "import", hostile] : ["glossary", "import", hostile, "--from", "en", "--to", "es"];
        var result = await InProcessCli.RunAsync(repository, null, args);

        Assert.True(result.ExitCode == 1, $"{name}: exit {result.ExitCode}");
        Assert.Matches($@"{name.Replace(".", @"\.", StringComparison.Ordinal)} line \d+", result.Errors);
        if (expected is not null)
        {
            Assert.Contains(expected, result.Errors);
        }

        Assert.DoesNotContain(Secret, result.Output + result.Errors);
        var after = await DumpAsync(repository);
        Assert.Equal(before, after);
    }

    private static string Tmx(string doctype, string text) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        {doctype}
        <tmx version="1.4"><header srclang="en" creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext"/>
        <body><tu><tuv xml:lang="en"><seg>Rest {text}</seg></tuv><tuv xml:lang="es"><seg>Descanse</seg></tuv></tu></body></tmx>
        """;

    private static string Tbx(string doctype, string text) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        {doctype}
        <tbx><text><body><termEntry><langSet xml:lang="en"><tig><term>migraine {text}</term></tig></langSet>
        <langSet xml:lang="es"><tig><term>migraña</term></tig></langSet></termEntry></body></text></tbx>
        """;

    /// <summary>Every memory unit and glossary term, as text: what an import could have changed.</summary>
    private static async Task<string> DumpAsync(TestRepository repository)
    {
        await using var connection = await repository.OpenDatabaseAsync();
        var units = await connection.QueryAsync<string>("SELECT source_text || ' => ' || target_text FROM memory_units ORDER BY id");
        var terms = await connection.QueryAsync<string>("SELECT source_term || ' => ' || coalesce(target_term, '') FROM glossary_terms ORDER BY id");
        return string.Join('\n', units.Concat(terms));
    }
}
