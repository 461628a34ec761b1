using System.Text.RegularExpressions;
using System.Xml.Linq;
using Localize.Cli;
using Localize.Core.Workflow;

namespace Localize.Integration.Tests.Xliff;

/// <summary>
/// A vendor round trip as a localization manager runs it with <c>localize xliff</c> against the real worker's
/// database: export, the vendor edits the targets (codes kept), import as the vendor's editor account; the targets
/// are then in review, edited by the vendor, never approved. A tampered code or a changed article refuses the file and
/// changes nothing.
/// </summary>
public sealed class XliffCliTests
{
    private const string Slug = "asthma-inhalers";
    private const string Password = "a long vendor passphrase";
    private static readonly XNamespace X = "urn:oasis:names:tc:xliff:document:2.0";

    /// <summary>An article with inline markup, so the file carries codes a vendor could break.</summary>
    private const string Article = """
        ---
        title: Using your asthma inhaler
        ---

        Shake the inhaler and take **two puffs** in the morning.

        Read [the leaflet](https://example.org/leaflet) before the first use.

        Rinse your mouth with water after each use.
        """;

    private static TestRepository NewRepository()
    {
        var repository = new TestRepository();
        File.WriteAllText(repository.SourcePath(Slug + ".md"), Article);
        return repository;
    }

    [Fact]
    public async Task Export_edit_import_puts_the_vendor_s_targets_in_review_with_codes_intact()
    {
        using var repository = NewRepository();
        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "run")).ExitCode);
        await InProcessCli.AddUserAsync(repository, "vendor-acme", "editor", Password, "qps-ploc");
        var file = Path.Combine(repository.Root, "vendor", "ketamine.qps-ploc.xlf");

        var export = await InProcessCli.RunAsync(repository, null, "xliff", "export", "--article", Slug, "--locale", "qps-ploc", "--out", file);
        Assert.True(export.ExitCode == LocalizeCommandLine.Ok, export.Errors);

        // The vendor rewrites every target: "[VENDOR] " before the first text, codes left where they are.
        var document = XDocument.Load(file);
        var targets = document.Descendants(X + "target").ToArray();
        Assert.NotEmpty(targets);
        Assert.Contains(targets, t => t.Descendants(X + "pc").Any() || t.Descendants(X + "ph").Any());
        foreach (var target in targets)
        {
            target.AddFirst("[VENDOR] ");
        }

        document.Save(file);

        var import = await InProcessCli.RunAsync(repository, null, "xliff", "import", file, "--editor", "vendor-acme");
        Assert.True(import.ExitCode == LocalizeCommandLine.Ok, import.Errors);
        Assert.Contains($"{targets.Length} targets of {Slug} (qps-ploc) entered as edits by vendor-acme, now in review", import.Output);

        var list = await InProcessCli.RunAsync(repository, null, "review", "list", "--locale", "qps-ploc", "--article", Slug);
        Assert.Equal(LocalizeCommandLine.Ok, list.ExitCode);
        Assert.Equal(targets.Length, Regex.Matches(list.Output, Regex.Escape("[VENDOR]")).Count);

        // The vendor's account may not approve its own work (it is an editor; four-eyes besides).
        var approve = await InProcessCli.RunAsync(repository, null, "review", "approve", "--article", Slug, "--locale", "qps-ploc", "--reviewer", "vendor-acme");
        Assert.Equal(LocalizeCommandLine.Failed, approve.ExitCode);
    }

    [Fact]
    public async Task A_tampered_code_or_a_changed_article_is_refused_naming_file_and_unit_and_nothing_is_imported()
    {
        using var repository = NewRepository();
        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "run")).ExitCode);
        await InProcessCli.AddUserAsync(repository, "vendor-acme", "editor", Password, "qps-ploc");
        var file = Path.Combine(repository.Root, "vendor.xlf");
        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "xliff", "export", "--article", Slug, "--locale", "qps-ploc", "--out", file)).ExitCode);
        var exported = await File.ReadAllTextAsync(file);
        var before = await StatusAsync(repository);

        // One unit's paired code is dropped (its text kept); every other unit carries a valid edit.
        var document = XDocument.Parse(exported);
        var tampered = document.Descendants(X + "target").First(t => t.Descendants(X + "pc").Any());
        var unit = (string)tampered.Ancestors(X + "unit").Single().Attribute("id")!;
        foreach (var target in document.Descendants(X + "target"))
        {
            target.AddFirst("[VENDOR] ");
        }

        var pc = tampered.Descendants(X + "pc").First();
        pc.ReplaceWith(pc.Value);
        document.Save(file);

        var refused = await InProcessCli.RunAsync(repository, null, "xliff", "import", file, "--editor", "vendor-acme");
        Assert.Equal(LocalizeCommandLine.Failed, refused.ExitCode);
        Assert.Contains("refused, nothing imported", refused.Errors);
        Assert.Contains($"vendor.xlf, unit '{unit}': the target's inline codes do not match the source", refused.Errors);
        Assert.Equal(before, await StatusAsync(repository));

        // The article changes after the export: the untampered file is now stale as a whole.
        // Before the text: `review list` shows the first 40 characters of each target.
        await File.WriteAllTextAsync(file, exported.Replace("<target>", "<target>[VENDOR] ", StringComparison.Ordinal));
        var source = repository.SourcePath(Slug + ".md");
        await File.AppendAllTextAsync(source, "\nOne more sentence for patients.\n");
        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "run")).ExitCode);
        var stale = await InProcessCli.RunAsync(repository, null, "xliff", "import", file, "--editor", "vendor-acme");
        Assert.Equal(LocalizeCommandLine.Failed, stale.ExitCode);
        Assert.Contains($"vendor.xlf: the English source of '{Slug}' changed since this file was exported", stale.Errors);
        Assert.DoesNotContain("[VENDOR]", (await InProcessCli.RunAsync(repository, null, "review", "list", "--locale", "qps-ploc")).Output);
    }

    /// <summary>
    /// A unit given twice (the second with another target) or a target holding a bidi override as a character reference:
    /// the whole file is refused before anything changes, even though every other unit is a valid edit.
    /// </summary>
    [Theory]
    [InlineData("duplicated unit")]
    [InlineData("bidi control")]
    public async Task A_duplicated_unit_or_a_hidden_control_refuses_the_whole_file_before_anything_changes(string hostile)
    {
        using var repository = NewRepository();
        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "run")).ExitCode);
        await InProcessCli.AddUserAsync(repository, "vendor-acme", "editor", Password, "qps-ploc");
        var file = Path.Combine(repository.Root, "vendor.xlf");
        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "xliff", "export", "--article", Slug, "--locale", "qps-ploc", "--out", file)).ExitCode);
        var before = await StatusAsync(repository);
        var document = XDocument.Load(file);
        foreach (var target in document.Descendants(X + "target"))
        {
            target.AddFirst("[VENDOR] ");
        }

        var first = document.Descendants(X + "unit").First();
        var unit = (string)first.Attribute("id")!;
        if (hostile == "duplicated unit")
        {
            var twin = new XElement(first);
            twin.Descendants(X + "target").Single().AddFirst("[OTHER] ");
            first.AddAfterSelf(twin);
        }
        else
        {
            first.Descendants(X + "target").Single().AddFirst("\u202E");
        }

        document.Save(file);
        var refused = await InProcessCli.RunAsync(repository, null, "xliff", "import", file, "--editor", "vendor-acme");

        Assert.Equal(LocalizeCommandLine.Failed, refused.ExitCode);
        Assert.Contains(
            hostile == "duplicated unit" ? $"vendor.xlf, unit '{unit}': the unit id is given twice" : $"vendor.xlf, unit '{unit}': the target holds the invisible bidirectional control U+202E",
            refused.Errors);
        Assert.Equal(before, await StatusAsync(repository));
        Assert.DoesNotContain("[VENDOR]", (await InProcessCli.RunAsync(repository, null, "review", "list", "--locale", "qps-ploc")).Output);
    }

    [Fact]
    public async Task A_file_with_a_dtd_is_refused()
    {
        using var repository = NewRepository();
        await InProcessCli.AddUserAsync(repository, "vendor-acme", "editor", Password, "qps-ploc");
        var file = Path.Combine(repository.Root, "evil.xlf");
        await File.WriteAllTextAsync(file, """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="qps-ploc"><file id="f">&xxe;</file></xliff>""");

        var refused = await InProcessCli.RunAsync(repository, null, "xliff", "import", file, "--editor", "vendor-acme");

        Assert.Equal(LocalizeCommandLine.Failed, refused.ExitCode);
        Assert.Contains("evil.xlf: a DOCTYPE (DTD) is not accepted", refused.Errors);
        Assert.DoesNotContain("root:", refused.Errors + refused.Output);
    }

    private static async Task<string> StatusAsync(TestRepository repository) =>
        (await InProcessCli.RunAsync(repository, null, "status", "--json")).Output is var json
            ? Regex.Replace(json, "\"generatedAt\": \"[^\"]+\"", string.Empty)
            : string.Empty;
}
