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

    public static RootCommand Build()
    {
        var root = new RootCommand("Localize: patient-facing medical articles, machine-translated, medically reviewed, published.");
        root.Options.Add(CliHost.RootOption);
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    // One line per command; each lives in Commands/<Name>Command.cs.
    private static IEnumerable<Command> Commands() =>
    [
        RunCommand.Create(),
        StatusCommand.Create(),
        ReviewCommand.Create(),
        RoundtripCommand.Create(),
        CheckCommand.Create(),
        AuditCommand.Create(),
        RollbackCommand.Create(),
    ];
}
