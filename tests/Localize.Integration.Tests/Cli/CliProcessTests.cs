using System.Text.RegularExpressions;
using System.CommandLine;
using System.Text.Json;
using Localize.Cli;

namespace Localize.Integration.Tests.Cli;

/// <summary>
/// The <c>localize</c> command as scripts use it: each command run as a process, its output and its exit code
/// (0 ok, 1 findings or failures, 2 usage).
/// </summary>
public sealed class CliProcessTests
{
    private const string Slug = TestRepository.SeedSlug;

    public static TheoryData<string> LeafCommands()
    {
        var data = new TheoryData<string>();
        foreach (var path in Leaves(LocalizeCommandLine.Build(), []))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LeafCommands))]
    public async Task Every_command_has_help_with_an_example(string command)
    {
        var (exit, output, _) = await LocalizeProcess.RunAsync(null, [.. command.Split(' '), "--help"]);

        Assert.Equal(LocalizeCommandLine.Ok, exit);
        Assert.Matches("Examples?:", output);
        Assert.Contains($"localize {command}", output);
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("review approve --locale es")]
    [InlineData("status --no-such-option")]
    public async Task A_command_line_that_does_not_parse_is_a_usage_error(string commandLine)
    {
        var (exit, _, errors) = await LocalizeProcess.RunAsync(null, commandLine.Split(' '));

        Assert.Equal(LocalizeCommandLine.Usage, exit);
        Assert.Contains("localize --help", errors);
    }

    [Fact]
    public async Task A_script_runs_the_pipeline_creates_a_reviewer_approves_signs_publishes_and_verifies_the_audit_trail()
    {
        using var repository = new TestRepository();

        var run = await LocalizeProcess.RunAsync(repository.Root, "run");
        Assert.Equal(LocalizeCommandLine.Ok, run.ExitCode);
        // One progress line per step of the pipeline, numbered out of all of them: publish, then the outdated marks.
        var steps = Regex.Match(run.Output, @"run: \[1/(\d+)\] patient-articles: intake");
        Assert.True(steps.Success, run.Output);
        var count = int.Parse(steps.Groups[1].Value);
        Assert.Contains($"run: [{count - 1}/{count}] patient-articles: publish", run.Output);
        Assert.Contains($"run: [{count}/{count}] patient-articles: outdated-metadata", run.Output);

        var status = await LocalizeProcess.RunAsync(repository.Root, "status");
        Assert.Equal(LocalizeCommandLine.Ok, status.ExitCode);
        Assert.Contains("qps-ploc", status.Output);

        var list = await LocalizeProcess.RunAsync(repository.Root, "review", "list", "--locale", "qps-ploc");
        Assert.Equal(LocalizeCommandLine.Ok, list.ExitCode);
        Assert.Matches(@"\d+ segments in review", list.Output);

        const string Password = "a long script passphrase";
        var account = await LocalizeProcess.RunWithInputAsync(repository.Root, Password, "users", "add", "dr-script", "--role", "reviewer", "--locale", "qps-ploc", "--password-stdin");
        Assert.True(account.ExitCode == LocalizeCommandLine.Ok, account.Errors);

        var approve = await ApproveAllThenOneByOneAsync(repository.Root);
        Assert.Equal(LocalizeCommandLine.Ok, approve.ExitCode);
        Assert.Contains($"approved for {Slug} (qps-ploc) by dr-script", approve.Output);

        var sign = await LocalizeProcess.RunWithInputAsync(repository.Root, Password, "review", "sign", "--article", Slug, "--locale", "qps-ploc", "--reviewer", "dr-script", "--password-stdin");
        Assert.True(sign.ExitCode == LocalizeCommandLine.Ok, sign.Errors);

        var publish = await LocalizeProcess.RunAsync(repository.Root, "run");
        Assert.Equal(LocalizeCommandLine.Ok, publish.ExitCode);
        Assert.True(File.Exists(repository.PublishedPath("qps-ploc", Slug)));

        var audit = await LocalizeProcess.RunAsync(repository.Root, "audit", "verify");
        Assert.Equal(LocalizeCommandLine.Ok, audit.ExitCode);
        Assert.Contains("audit trail intact", audit.Output);
    }

    [Fact]
    public async Task Translate_shows_progress_then_publish_publishes_only_what_is_signed_off()
    {
        using var repository = new TestRepository();

        // Redirected output: plain progress lines, no control characters.
        var translate = await LocalizeProcess.RunAsync(repository.Root, "translate");
        Assert.True(translate.ExitCode == LocalizeCommandLine.Ok, translate.Errors);
        Assert.Contains("translate: [1/3] patient-articles: intake", translate.Output);
        Assert.Contains("translate: [2/3] patient-articles: culture-files", translate.Output);
        Assert.Contains("translate: [3/3] patient-articles: machine-translation", translate.Output);
        Assert.Contains("translate: 100 % (", translate.Output);
        Assert.Matches(@"translate: [1-9]\d* segments machine-translated, now waiting for review", translate.Output);
        // (Log lines, colored by the logger, may interleave under load; the progress lines themselves are plain.)
        Assert.All(translate.Output.Split('\n').Where(l => l.StartsWith("translate:", StringComparison.Ordinal)), l => Assert.DoesNotContain('\u001b', l));
        var matrix = JsonDocument.Parse((await LocalizeProcess.RunAsync(repository.Root, "status", "--json")).Output).RootElement;
        Assert.All(matrix.GetProperty("rows").EnumerateArray(), row => Assert.Equal("in-review", row.GetProperty("state").GetString()));

        var early = await LocalizeProcess.RunAsync(repository.Root, "publish");
        Assert.Equal(LocalizeCommandLine.Ok, early.ExitCode);
        Assert.Contains("publish: nothing new to publish", early.Output);
        Assert.False(File.Exists(repository.PublishedPath("qps-ploc", Slug)));

        const string Password = "a long script passphrase";
        await LocalizeProcess.RunWithInputAsync(repository.Root, Password, "users", "add", "dr-script", "--role", "reviewer", "--locale", "qps-ploc", "--password-stdin");
        await ApproveAllThenOneByOneAsync(repository.Root);
        var sign = await LocalizeProcess.RunWithInputAsync(repository.Root, Password, "review", "sign", "--article", Slug, "--locale", "qps-ploc", "--reviewer", "dr-script", "--password-stdin");
        Assert.True(sign.ExitCode == LocalizeCommandLine.Ok, sign.Errors);

        var publish = await LocalizeProcess.RunAsync(repository.Root, "publish");
        Assert.True(publish.ExitCode == LocalizeCommandLine.Ok, publish.Errors);
        Assert.Contains($"qps-ploc/{Slug}.md (version 1, signed-off content ", publish.Output);
        Assert.DoesNotContain("/es/", publish.Output);
        Assert.True(File.Exists(repository.PublishedPath("qps-ploc", Slug)));
    }

    [Fact]
    public async Task Xliff_export_writes_xliff_2_to_standard_output_and_import_refuses_a_missing_account()
    {
        using var repository = new TestRepository();
        await LocalizeProcess.RunAsync(repository.Root, "translate");

        var export = await LocalizeProcess.RunAsync(repository.Root, "xliff", "export", "--article", Slug, "--locale", "es");
        Assert.True(export.ExitCode == LocalizeCommandLine.Ok, export.Errors);
        var xliff = System.Xml.Linq.XDocument.Parse(export.Output.Trim());
        Assert.Equal("{urn:oasis:names:tc:xliff:document:2.0}xliff", xliff.Root!.Name.ToString());
        Assert.Equal("es", (string?)xliff.Root.Attribute("trgLang"));

        var file = Path.Combine(repository.Root, "back.xlf");
        await File.WriteAllTextAsync(file, export.Output);
        var import = await LocalizeProcess.RunAsync(repository.Root, "xliff", "import", file, "--editor", "nobody");
        Assert.Equal(LocalizeCommandLine.Failed, import.ExitCode);
        Assert.Contains("there is no account named 'nobody'", import.Errors);

        var unknown = await LocalizeProcess.RunAsync(repository.Root, "xliff", "export", "--article", "no-such-article", "--locale", "es");
        Assert.Equal(LocalizeCommandLine.Failed, unknown.ExitCode);
        Assert.Contains("there is no article 'no-such-article'", unknown.Errors);
    }

    [Fact]
    public async Task Status_exits_1_and_names_a_broken_file()
    {
        using var repository = new TestRepository();
        await File.WriteAllTextAsync(repository.SourcePath("untitled.md"), "---\nslug: untitled\n---\n\nNo title here.\n");

        await LocalizeProcess.RunAsync(repository.Root, "run");
        var status = await LocalizeProcess.RunAsync(repository.Root, "status");

        Assert.Equal(LocalizeCommandLine.Failed, status.ExitCode);
        Assert.Contains("content/untitled.md: field 'title'", status.Errors);
    }

    [Fact]
    public async Task Check_prints_one_json_line_per_pair_and_exits_1_on_an_error_finding()
    {
        var pairs = Path.GetTempFileName();
        await File.WriteAllLinesAsync(pairs,
        [
            """{"id": "ok", "source": "Take 2 tablets a day.", "target": "Tome 2 comprimidos al día."}""",
            """{"id": "dose", "source": "Take 2 tablets a day.", "target": "Tome 3 comprimidos al día."}""",
        ]);

        var (exit, output, _) = await LocalizeProcess.RunAsync(null, "check", "--pairs", pairs, "--from", "en", "--to", "es", "--json");

        Assert.Equal(LocalizeCommandLine.Failed, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["ok", "dose"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.DoesNotContain(lines[0].GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Contains(lines[1].GetProperty("findings").EnumerateArray(), f => f.GetProperty("check").GetString() == "numbers");
    }

    [Fact]
    public async Task Check_names_the_language_pack_and_what_it_does_not_check()
    {
        var pairs = Path.GetTempFileName();
        await File.WriteAllLinesAsync(pairs,
        [
            """{"id": "drive", "source": "Do not drive after taking 2 tablets.", "target": "Ne conduisez pas après avoir pris 2 comprimés."}""",
        ]);

        var french = await LocalizeProcess.RunAsync(null, "check", "--pairs", pairs, "--from", "en", "--to", "fr");
        var swahili = await LocalizeProcess.RunAsync(null, "check", "--pairs", pairs, "--from", "en", "--to", "sw", "--json");

        Assert.Equal(LocalizeCommandLine.Ok, french.ExitCode);
        Assert.StartsWith("language pack: French (fr)", french.Output, StringComparison.Ordinal);
        Assert.Contains("drive: ok", french.Output, StringComparison.Ordinal);
        // No pack for Swahili: the negation check says it cannot judge, instead of raising an error it cannot justify.
        Assert.Contains("no language pack for Swahili (sw)", swahili.Errors, StringComparison.Ordinal);
        Assert.Contains("negation and prohibitions are not checked", swahili.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("\"check\":\"negation\"", swahili.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roundtrip_gives_back_the_author_s_files_byte_for_byte()
    {
        using var repository = new TestRepository();
        var output = Path.Combine(repository.Root, "roundtrip");

        var (exit, _, errors) = await LocalizeProcess.RunAsync(null, "roundtrip", Path.Combine(repository.Root, "content"), "--out", output, "--mode", "identity");

        Assert.True(exit == LocalizeCommandLine.Ok, errors);
        Assert.Equal(
            await File.ReadAllBytesAsync(repository.SourcePath(Slug + ".md")),
            await File.ReadAllBytesAsync(Path.Combine(output, Slug + ".md")));
    }

    [Fact]
    public async Task Roundtrip_names_every_file_that_fails_in_path_order_and_still_writes_the_others()
    {
        using var repository = new TestRepository();
        var corpus = Path.Combine(repository.Root, "corpus");
        var output = Path.Combine(repository.Root, "roundtrip");
        // Enough files that the cores share them out, with the failures among them rather than first or last.
        var good = new Dictionary<string, byte[]>();
        for (var i = 0; i < 40; i++)
        {
            var text = $"---\ntitle: Article {i}\n---\n# Heading {i}\n\nTake *one* tablet. Drink [water](https://example.org/{i}).\n";
            good[Path.Combine(i % 2 == 0 ? "even" : "odd", $"article-{i:D2}.md")] =
                // A byte-order mark is kept as it was.
                i % 5 == 0 ? [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)] : System.Text.Encoding.UTF8.GetBytes(text);
        }

        var failing = new Dictionary<string, byte[]>
        {
            [Path.Combine("even", "article-07-latin1.md")] = [.. "# Caf"u8, 0xE9, .. "\n\nText.\n"u8],
            [Path.Combine("odd", "article-21-brackets.md")] = System.Text.Encoding.UTF8.GetBytes(new string('[', 1_001) + " text\n"),
            [Path.Combine("even", "article-30-latin1.md")] = [.. "Na"u8, 0xEF, .. "ve.\n"u8],
            // Markdig would take seconds on it before refusing it itself; refused before parsing, the other files go on.
            [Path.Combine("odd", "article-33-deep-lists.md")] = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', 2 * i) + "- item\n"))),
        };
        foreach (var (relative, bytes) in good.Concat(failing))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(corpus, relative))!);
            await File.WriteAllBytesAsync(Path.Combine(corpus, relative), bytes);
        }

        var (exit, summary, errors) = await LocalizeProcess.RunAsync(null, "roundtrip", corpus, "--out", output);

        Assert.Equal(LocalizeCommandLine.Failed, exit);
        var named = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("FAILED ", StringComparison.Ordinal)).ToList();
        Assert.Collection(
            named,
            line => Assert.StartsWith($"FAILED {Path.Combine("even", "article-07-latin1.md")}: not UTF-8 text", line),
            line => Assert.StartsWith($"FAILED {Path.Combine("even", "article-30-latin1.md")}: not UTF-8 text", line),
            line => Assert.StartsWith($"FAILED {Path.Combine("odd", "article-21-brackets.md")}: square brackets are nested more than 1000 deep (line 1)", line),
            line => Assert.StartsWith($"FAILED {Path.Combine("odd", "article-33-deep-lists.md")}: lists or quotes are nested (or a line indented) more than 128 levels deep (line 129)", line));
        Assert.Contains("44 files, 40 ok (byte-identical), 4 failed", summary);
        foreach (var (relative, bytes) in good)
        {
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(output, relative)));
        }

        Assert.All(failing.Keys, relative => Assert.False(File.Exists(Path.Combine(output, relative)), relative));
    }

    private static IEnumerable<string> Leaves(Command command, IReadOnlyList<string> path)
    {
        foreach (var child in command.Subcommands)
        {
            var childPath = path.Append(child.Name).ToArray();
            if (child.Subcommands.Count == 0)
            {
                yield return string.Join(' ', childPath);
            }
            else
            {
                foreach (var leaf in Leaves(child, childPath))
                {
                    yield return leaf;
                }
            }
        }
    }

    /// <summary>
    /// Approve-all as a script runs it, then the segments it leaves for one-by-one approval (a dose or number, a
    /// prohibition), by the command it prints with their ids; the last run's result.
    /// </summary>
    private static async Task<(int ExitCode, string Output, string Errors)> ApproveAllThenOneByOneAsync(string root)
    {
        var all = await LocalizeProcess.RunAsync(root, "review", "approve", "--article", Slug, "--locale", "qps-ploc", "--reviewer", "dr-script");
        var suggested = Regex.Match(all.Output, @"approve each by id: localize (review approve [^\r\n]+)");
        return all.ExitCode != LocalizeCommandLine.Ok || !suggested.Success
            ? all
            : await LocalizeProcess.RunAsync(root, suggested.Groups[1].Value.Split(' '));
    }
}
