using Localize.Cli;

namespace Localize.Integration.Tests;

/// <summary>
/// Runs the <c>localize</c> command in-process as a script would, with its standard input, output and error. Standard
/// input is handed to the command line itself (<see cref="LocalizeCommandLine.Build"/>): the process-wide
/// <see cref="Console.In"/> once read empty under a full run. Output and error are the console's, so invocations take turns.
/// </summary>
public static class InProcessCli
{
    private static readonly SemaphoreSlim Turn = new(1, 1);

    public static Task<CliResult> RunAsync(TestRepository repository, string? standardInput, params string[] args) =>
        RunOnDatabaseAsync(repository.Root, standardInput, args, repository.PostgreSql);

    public static Task<CliResult> RunAsync(string root, string? standardInput, params string[] args) => RunOnDatabaseAsync(root, standardInput, args, null);

    private static async Task<CliResult> RunOnDatabaseAsync(string root, string? standardInput, string[] args, string? postgreSql)
    {
        await Turn.WaitAsync();
        var (output, error) = (Console.Out, Console.Error);

        // The CLI reads its database from the environment, like the real command; invocations take turns, and hosts
        // started by tests set Localize:PostgreSql themselves, so the variable reaches this invocation only.
        Environment.SetEnvironmentVariable("Localize__PostgreSql", postgreSql);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var exit = await LocalizeCommandLine.Build(new StringReader(standardInput ?? string.Empty)).Parse([.. args, "--root", root]).InvokeAsync();
            return new CliResult(exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("Localize__PostgreSql", null);
            Console.SetOut(output);
            Console.SetError(error);
            Turn.Release();
        }
    }

    /// <summary><c>localize users add</c> with the password on standard input; fails the test when it is refused.</summary>
    public static async Task AddUserAsync(TestRepository repository, string name, string role, string password, params string[] locales)
    {
        var result = await RunAsync(repository, password + "\n", ["users", "add", name, "--role", role, .. locales.SelectMany(l => new[] { "--locale", l }), "--password-stdin"]);
        Assert.True(result.ExitCode == LocalizeCommandLine.Ok, $"users add {name}: {result.Errors}");
    }
}

public sealed record CliResult(int ExitCode, string Output, string Errors);
