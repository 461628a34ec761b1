using Localize.Cli;

namespace Localize.Integration.Tests;

/// <summary>
/// Runs the <c>localize</c> command in-process as a script would, with its standard input, output and error. Console
/// streams are process-wide, so invocations take turns.
/// </summary>
public static class InProcessCli
{
    private static readonly SemaphoreSlim Turn = new(1, 1);

    public static Task<CliResult> RunAsync(TestRepository repository, string? standardInput, params string[] args) =>
        RunAsync(repository.Root, standardInput, args);

    public static async Task<CliResult> RunAsync(string root, string? standardInput, params string[] args)
    {
        await Turn.WaitAsync();
        var (input, output, error) = (Console.In, Console.Out, Console.Error);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            Console.SetIn(new StringReader(standardInput ?? string.Empty));
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var exit = await LocalizeCommandLine.Build().Parse([.. args, "--root", root]).InvokeAsync();
            return new CliResult(exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetIn(input);
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
