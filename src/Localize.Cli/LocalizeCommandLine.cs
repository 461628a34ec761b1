using System.CommandLine;
using Localize.Cli.Commands;

namespace Localize.Cli;

/// <summary>
/// The <c>localize</c> command tree. Exit codes, the same for every command: 0 ok, 1 findings or failures, 2 usage.
/// </summary>
public static class LocalizeCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>Parses and runs; a command line that does not parse is a usage error (exit 2), said on stderr.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                Console.Error.WriteLine($"localize: {error.Message}");
            }

            Console.Error.WriteLine("Run 'localize --help' (or 'localize <command> --help') for usage and examples.");
            return Usage;
        }

        return await parseResult.InvokeAsync();
    }

    /// <param name="standardInput">
    /// Where commands read a password (<c>--password-stdin</c>); null: the process's standard input. A host that runs
    /// commands in-process (the tests) passes its own, as the process-wide <see cref="Console.In"/> is shared by
    /// everything else running there.
    /// </param>
    public static RootCommand Build(TextReader? standardInput = null)
    {
        var root = new RootCommand("Localize: patient-facing medical articles, machine-translated, medically reviewed, published.");
        root.Options.Add(CliHost.RootOption);
        foreach (var command in Commands(standardInput))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    // One line per command; each lives in Commands/<Name>Command.cs.
    private static IEnumerable<Command> Commands(TextReader? standardInput) =>
    [
        RunCommand.Create(),
        TranslateCommand.Create(),
        PublishCommand.Create(),
        StatusCommand.Create(),
        ReviewCommand.Create(standardInput),
        UsersCommand.Create(standardInput),
        RoundtripCommand.Create(),
        CheckCommand.Create(),
        AuditCommand.Create(),
        RollbackCommand.Create(),
        UnpublishCommand.Create(),
        EmulatorCommand.Create(),
        TmCommand.Create(),
        GlossaryCommand.Create(),
        XliffCommand.Create(),
        DbCommand.Create(),
    ];
}
