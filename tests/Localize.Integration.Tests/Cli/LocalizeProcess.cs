using System.Diagnostics;

namespace Localize.Integration.Tests.Cli;

/// <summary>Runs the built <c>localize</c> command as a separate process, as a script or a person would.</summary>
public static class LocalizeProcess
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(string? root, params string[] args) =>
        RunWithInputAsync(root, null, args);

    /// <param name="standardInput">What the command reads on standard input (a password for <c>--password-stdin</c>).</param>
    public static Task<(int ExitCode, string Output, string Errors)> RunWithInputAsync(string? root, string? standardInput, params string[] args) =>
        RunAsync(root, standardInput, new Dictionary<string, string>(), args);

    /// <param name="environment">Variables set for the command only (<c>Localize__PostgreSql</c> …), as an operator would export them.</param>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string? root, string? standardInput, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "localize.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (root is not null)
        {
            start.ArgumentList.Add("--root");
            start.ArgumentList.Add(root);
        }

        // Wide enough that tables are not wrapped mid-word in the assertions below.
        start.Environment["COLUMNS"] = "200";

        // The repository's own database (PostgreSQL when the test runs there), unless the caller names one.
        start.Environment["Localize__PostgreSql"] = root is null ? string.Empty : TestRepository.PostgreSqlOf(root) ?? string.Empty;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
