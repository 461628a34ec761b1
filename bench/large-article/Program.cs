using System.Diagnostics;
using System.Text;
using Localize.Core.Dashboard;
using Localize.Core.Pipelines;
using Localize.Core.Workflow;
using Localize.Server.Hosting;
using Localize.Storage.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// dotnet run -c Release --project bench/large-article -- [sentences=100000] [sentences per paragraph=10]
// Writes a throw-away repository with one article of N sentences, then, in this one process and through the same
// composition as the worker and the CLI: intake of the new article; intake of the article with every 1,000th
// sentence edited and 50 sentences inserted (alignment); the status matrix. Prints each phase's time and the peak
// resident set (VmHWM) so far. Goal (issue 21): 100,000 sentences through intake in ≤ 30 s and ≤ 500 MB.
var sentences = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var perParagraph = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
var root = Directory.CreateTempSubdirectory("localize-large-article-").FullName;
try
{
    Directory.CreateDirectory(Path.Combine(root, "pipelines"));
    Directory.CreateDirectory(Path.Combine(root, "content"));
    File.WriteAllText(Path.Combine(root, "pipelines", "large.yaml"), """
        name: large
        source:
          folder: content
          include: "**/*.md"
          language: en
          fields: [title, description]
        locales:
          - code: es
            engine: pseudo
          - code: qps-ploc
            engine: pseudo
        publish:
          folder: translations
        """);
    var article = Path.Combine(root, "content", "large.md");
    File.WriteAllText(article, Article(sentences, perParagraph, edited: false));
    Console.WriteLine($"{sentences:N0} sentences in paragraphs of {perParagraph:N0}, {new FileInfo(article).Length / 1048576.0:F1} MiB of Markdown, {Environment.ProcessorCount} cores");

    var configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Localize:Root"] = root })
        .Build();
    await using var services = new ServiceCollection()
        // Intake's own line says what the alignment found (unchanged, changed, added, removed).
        .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter(typeof(SourceIntakeStep).FullName, LogLevel.Information))
        .AddSingleton<IConfiguration>(configuration)
        .AddLocalizeCore(configuration)
        .BuildServiceProvider();
    await services.GetRequiredService<SqlSchema>().MigrateAsync(CancellationToken.None);
    var runner = services.GetRequiredService<PipelineRunner>();
    var intake = new HashSet<string> { SourceIntakeStep.StepName };
    var problems = services.GetRequiredService<PipelineRunProblems>();

    await Phase("intake, new article", () => runner.RunOnceAsync(intake, null, CancellationToken.None));
    File.WriteAllText(article, Article(sentences, perParagraph, edited: true));
    await Phase("intake, edited article (alignment)", () => runner.RunOnceAsync(intake, null, CancellationToken.None));
    await Phase("status matrix", async () =>
    {
        var matrix = (await services.GetRequiredService<DashboardReader>().ReadAsync(CancellationToken.None)).Matrix;
        Console.WriteLine($"  {matrix.Rows.Count} rows: {string.Join(", ", matrix.Rows.Select(r => $"{r.Slug}/{r.Locale} {r.Segments:N0} segments, {r.WaitingForMachine:N0} waiting"))}");
    });
    var errors = await services.GetRequiredService<IArticleStore>().ListSourceErrorsAsync(CancellationToken.None);
    foreach (var error in errors)
    {
        Console.WriteLine($"  source error: {error}");
    }

    foreach (var problem in problems.Current)
    {
        Console.WriteLine($"  step failed: {problem}");
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}

static async Task Phase(string name, Func<Task> action)
{
    // The load each phase started under: figures taken on a busy machine are read with it.
    if (File.Exists("/proc/loadavg"))
    {
        Console.WriteLine($"{name}: load average before: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}");
    }

    var watch = Stopwatch.StartNew();
    await action();
    Console.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:F1} s; peak RSS so far {PeakResidentMiB():F0} MiB");
}

// VmHWM: the most this process has held in RAM since it started (Linux).
static double PeakResidentMiB()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
}

// Paragraphs of varied sentences with inline markup, as a long real article has; the edited version changes
// every 1,000th sentence and inserts a short paragraph every 2,000 sentences.
static string Article(int sentences, int perParagraph, bool edited)
{
    var text = new StringBuilder("---\ntitle: A very long article\ndescription: One hundred thousand sentences.\n---\n\n# A very long article\n\n");
    for (var i = 0; i < sentences; i++)
    {
        text.Append(edited && i % 1000 == 500 ? $"Sentence {i} was **edited** by the author. " : $"Take {i % 97 + 1} mg of *drug {i}* with water, and see [the leaflet](https://example.org/{i}) if symptoms last. ");
        if (i % perParagraph == perParagraph - 1)
        {
            text.Append("\n\n");
        }

        if (edited && i % 2000 == 1999)
        {
            text.Append($"An inserted paragraph after sentence {i}.\n\n");
        }
    }

    return text.ToString();
}
