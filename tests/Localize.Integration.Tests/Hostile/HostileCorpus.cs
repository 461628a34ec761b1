using System.Text.Json;
using System.Text.Json.Serialization;
using Localize.Testing;

namespace Localize.Integration.Tests.Hostile;

/// <summary>
/// The hostile inputs of <c>TestData/Hostile</c>: each file beside the error a user must see (<c>cases.json</c>). Cases
/// that are sizes, bytes no editor saves, links or races are made at test time by <see cref="Materialize"/>.
/// </summary>
public sealed class HostileCorpus
{
    /// <summary>An article published before the corpus arrives, then saved again broken: its approved work must stay.</summary>
    public const string PublishedThenBroken = "published-then-broken";

    public const string PublishedThenBrokenText = "---\ntitle: Flu vaccines\n---\n\nThe flu vaccine is offered every autumn. Ask your pharmacist.\n";

    public static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "Localize.Integration.Tests", "TestData", "Hostile");

    private static readonly System.Collections.Concurrent.ConcurrentBag<System.Net.Sockets.Socket> OpenSockets = [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public required IReadOnlyList<ArticleCase> Articles { get; init; }

    public required IReadOnlyList<PipelineCase> Pipelines { get; init; }

    public static HostileCorpus Load() =>
        JsonSerializer.Deserialize<HostileCorpus>(File.ReadAllText(Path.Combine(Folder, "cases.json")), Json)
        ?? throw new InvalidDataException("cases.json is empty");

    /// <summary>Puts every article case into the repository's <c>content/</c> (and bad pipelines into <c>pipelines/</c>).</summary>
    public void Materialize(TestRepository repository, string outside)
    {
        foreach (var item in Articles)
        {
            var target = repository.SourcePath(item.File);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (item.Generate is null)
            {
                File.Copy(Path.Combine(Folder, "content", item.File), target);
                continue;
            }

            Generate(item, target, repository, outside);
        }

        foreach (var item in Pipelines)
        {
            File.Copy(Path.Combine(Folder, "pipelines", item.File), Path.Combine(repository.Root, "pipelines", item.File));
        }
    }

    private static void Generate(ArticleCase item, string target, TestRepository repository, string outside)
    {
        switch (item.Generate)
        {
            case "50 MB":
                // Sparse: the size is what matters, and the reader must refuse it without reading it.
                using (var stream = File.Create(target))
                {
                    stream.Write("---\ntitle: Huge\n---\n\n"u8);
                    stream.SetLength(50L * 1024 * 1024);
                }

                break;
            case "1,000 list lines, each a level deeper":
                File.WriteAllText(target, "---\ntitle: Deeper and deeper\n---\n\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', 2 * i) + "- item\n")));
                break;
            case "6,000 unclosed link destinations":
                File.WriteAllText(target, "---\ntitle: Links that never close\n---\n\n" + string.Concat(Enumerable.Repeat("[a](", 6_000)) + "\n");
                break;
            case "8,000 emphasized letters in one paragraph":
                File.WriteAllText(target, "---\ntitle: Emphasis everywhere\n---\n\nEnd. " + string.Concat(Enumerable.Repeat("*a*", 8_000)) + "\n");
                break;
            case "5,000 reference links to labels never defined":
                File.WriteAllText(target, "---\ntitle: Dangling references\n---\n\nSee " + string.Concat(Enumerable.Repeat("[a][b] ", 5_000)) + "\n");
                break;
            case "a table of 33,333 rows":
                File.WriteAllText(target, "---\ntitle: A long table\n---\n\n| a | b |\n|---|---|\n" + string.Concat(Enumerable.Repeat("| x | y |\n", 33_333)));
                break;
            case "10,001 reference definitions":
                File.WriteAllText(target, "---\ntitle: References\n---\n\n" + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"[r{i}]: https://example.org/{i}\n")));
                break;
            case "binary":
                var bytes = new byte[64 * 1024];
                new Random(13).NextBytes(bytes);
                byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
                png.CopyTo(bytes, 0);
                File.WriteAllBytes(target, bytes);
                break;
            case "link to the seed article":
                File.CreateSymbolicLink(target, repository.SourcePath(TestRepository.SeedSlug + ".md"));
                break;
            case "link to a file outside content/":
                var secret = Path.Combine(outside, "secret.md");
                File.WriteAllText(secret, "---\ntitle: Not for publication\n---\n\nA private note.\n");
                File.CreateSymbolicLink(target, secret);
                break;
            case "folder linked outside content/":
                var folder = Path.Combine(outside, "folder");
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(target)), "---\ntitle: Outside\n---\n\nOutside content.\n");
                Directory.Delete(Path.GetDirectoryName(target)!);
                Directory.CreateSymbolicLink(Path.GetDirectoryName(target)!, folder);
                break;
            case "link to nothing":
                File.CreateSymbolicLink(target, repository.SourcePath("no-such-article.md"));
                break;
            case "removed while being read":
            case "rewritten while being read":
                // RacingSourceFolder removes or rewrites it at the moment the worker reads it.
                File.WriteAllText(target, "---\ntitle: Racing\n---\n\nOriginal text of the race.\n");
                break;
            case "a published article saved again as UTF-16":
                File.WriteAllBytes(target, [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(PublishedThenBrokenText)]);
                break;
            case "FIFO":
                // A named pipe: opening it for reading would wait for a writer for ever.
                using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [target]))
                {
                    mkfifo.WaitForExit();
                    if (mkfifo.ExitCode != 0)
                    {
                        throw new InvalidOperationException($"mkfifo {target} failed");
                    }
                }

                break;
            case "socket":
                // Kept open for the test process's life: .NET deletes a bound socket's file when the socket is closed.
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(target));
                OpenSockets.Add(socket);
                break;
            case "folder":
                Directory.CreateDirectory(target);
                break;
            case "not an article":
                File.WriteAllText(target, "Notes beside the articles; not Markdown, so not read.\n");
                break;
            default:
                throw new InvalidDataException($"cases.json: no generator '{item.Generate}' for {item.File}");
        }
    }
}

public enum Outcome
{
    /// <summary>One source error with the expected words, line and field; nothing stored for the file.</summary>
    Refused,

    /// <summary>A valid article: translated into every locale and in review.</summary>
    Queued,

    /// <summary>Removed while being read: said in the log, then nothing (the file is gone).</summary>
    Vanishes,

    /// <summary>Not matched by the pipeline's include glob: silently not an article.</summary>
    Ignored,
}

public sealed record ArticleCase(string File, Outcome Outcome, string? Generate, IReadOnlyList<string>? Words, int? Line, string? Field, string? Slug, string? Contains)
{
    public string Path => "content/" + File;

    public override string ToString() => File;
}

public sealed record PipelineCase(string File, IReadOnlyList<string> Words, int? Line, string? Field)
{
    public string Path => "pipelines/" + File;

    public override string ToString() => File;
}
