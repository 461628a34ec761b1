using System.Net;
using System.Text;
using Localize.Cli;
using Localize.Core.Memory;
using Localize.Core.Workflow;
using Localize.Testing;

namespace Localize.Integration.Tests.Memory;

/// <summary>
/// Translation memory and glossaries as a user reaches them: the <c>localize tm</c> and <c>localize glossary</c>
/// commands on a repository's SQLite file, then the worker and the review page on the same file.
/// </summary>
public sealed class MemoryCliTests
{
    private const string Slug = TestRepository.SeedSlug;
    private const string Sentence = "Migraine attacks can last for hours or even days at a time.";

    [Fact]
    public async Task An_imported_tmx_prefills_the_exact_sentence_shows_fuzzy_matches_on_the_review_page_and_exports_again()
    {
        using var repository = new TestRepository();
        var tmx = Path.Combine(repository.Root, "import.tmx");
        await File.WriteAllTextAsync(tmx, """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en-US" creationtool="other" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>
            <body>
              <tu creationid="Dr. Ana Ruiz"><tuv xml:lang="en-US"><seg>Migraine attacks can last for hours or even days at a time.</seg></tuv>
                  <tuv xml:lang="es-ES"><seg>Las crisis de migraña pueden durar horas o incluso días.</seg></tuv></tu>
              <tu><tuv xml:lang="en-US"><seg>Migraine attacks can last for hours or even weeks at a time.</seg></tuv>
                  <tuv xml:lang="es-ES"><seg>Las crisis de migraña pueden durar horas o incluso semanas.</seg></tuv></tu>
              <tu><tuv xml:lang="en-US"><seg>Ketamine is a <bpt i="1" x="1">&lt;b&gt;</bpt>medication<ept i="1">&lt;/b&gt;</ept> that was first developed as an anesthetic.</seg></tuv>
                  <tuv xml:lang="es-ES"><seg>La ketamina es un <bpt i="1" x="1">&lt;b&gt;</bpt>medicamento<ept i="1">&lt;/b&gt;</ept> desarrollado como anestésico.</seg></tuv></tu>
            </body></tmx>
            """);

        var (code, output) = await RunCliAsync(repository, "tm", "import", tmx);
        Assert.Equal(0, code);
        Assert.Contains("3 units read from import.tmx, 3 new", output);

        await using (var server = await RunningServer.StartAsync(repository))
        {
            await RunningServer.WaitForAsync(
                async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)) is { Count: > 0 } segments && segments.All(s => s.State == SegmentState.InReview),
                "every es segment in review");
            var segments = await server.Store.ListArticleSegmentsAsync(Slug, "es", default);
            var exact = Assert.Single(segments, s => s.Source == Sentence);
            Assert.Equal("Las crisis de migraña pueden durar horas o incluso días.", exact.Target);
            Assert.Equal(SegmentTranslation.MemoryEngineId, exact.EngineId);
            Assert.Contains(exact.Notes, n => n.Origin == NoteOrigin.Memory && n.Message.StartsWith("100 % match", StringComparison.Ordinal));

            var page = await (await server.ManagerAsync()).GetStringAsync($"/review/es/{Slug}");
            Assert.Contains("class=\"memory-match\" data-score=\"93\"", page);
            Assert.Contains("<del>weeks</del><ins>days</ins>", page);
            Assert.Contains("Las crisis de migraña pueden durar horas o incluso semanas.", page);
        }

        var exported = Path.Combine(repository.Root, "export.tmx");
        (code, output) = await RunCliAsync(repository, "tm", "export", exported, "--from", "en", "--to", "es");
        Assert.Equal(0, code);
        Assert.Contains("3 units written", output);
        await using var stream = File.OpenRead(exported);
        var units = TmxReader.Read(stream, "tmx:export.tmx").ToArray();
        Assert.Contains(units, u => u.Source == "Ketamine is a <pc id=\"1\">medication</pc> that was first developed as an anesthetic."
            && u.Target == "La ketamina es un <pc id=\"1\">medicamento</pc> desarrollado como anestésico." && u.TargetLanguage == "es-es");
        Assert.Contains(units, u => u.CreatedBy == "Dr. Ana Ruiz");
    }

    [Fact]
    public async Task A_glossary_imported_with_the_cli_protects_do_not_translate_terms_in_the_engine_and_feeds_the_checks()
    {
        Requirements.Apertium();
        using var repository = new TestRepository();
        var csv = Path.Combine(repository.Root, "glossary.csv");
        await File.WriteAllTextAsync(csv, "source,target,note\nattacks,,do not translate (test)\nmigraine,cefalea,preferred (test)\n");
        var tbx = Path.Combine(repository.Root, "glossary.tbx");
        await File.WriteAllTextAsync(tbx, """
            <martif type="TBX" xml:lang="en"><text><body><termEntry>
              <langSet xml:lang="en"><tig><term>hours</term></tig></langSet>
              <langSet xml:lang="es"><tig><term>horas</term></tig><tig><term>ratos</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
            </termEntry></body></text></martif>
            """);

        var (code, output) = await RunCliAsync(repository, "glossary", "import", csv, "--from", "en", "--to", "es");
        Assert.Equal(0, code);
        Assert.Contains("2 terms read from glossary.csv (1 preferred, 0 forbidden, 1 do-not-translate), 2 new", output);
        (code, output) = await RunCliAsync(repository, "glossary", "import", tbx, "--from", "en", "--to", "es");
        Assert.Equal(0, code);
        Assert.Contains("2 terms read from glossary.tbx (1 preferred, 1 forbidden, 0 do-not-translate)", output);
        (code, output) = await RunCliAsync(repository, "glossary", "list", "--from", "en", "--to", "es");
        Assert.Equal(0, code);
        Assert.Contains("4 terms", output);

        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)) is { Count: > 0 } segments && segments.All(s => s.State == SegmentState.InReview),
            "every es segment in review");
        var segments = await server.Store.ListArticleSegmentsAsync(Slug, "es", default);
        var protectedTerm = Assert.Single(segments, s => s.Source == Sentence);
        Assert.Contains("attacks", protectedTerm.Target);
        Assert.Contains(segments, s => s.Notes.Any(n => n.Origin == NoteOrigin.Check("glossary") && n.Message.Contains("cefalea", StringComparison.Ordinal)));
    }

    private static async Task<(int Code, string Output)> RunCliAsync(TestRepository repository, params string[] args)
    {
        var result = await InProcessCli.RunAsync(repository, null, args);
        return (result.ExitCode, result.Output + result.Errors);
    }
}
