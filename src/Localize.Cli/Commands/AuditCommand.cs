using System.CommandLine;
using Humanizer;
using Localize.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize audit verify</c>: checks the keyed chain, the checkpoints kept in the content store, and every
/// translation, signature and publication row against the trail, naming each record or row that disagrees.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command(
            "verify",
            "Check the audit trail: every record's keyed MAC and link, the checkpoints in the content store (audit/checkpoints.log: "
            + "finds removed last records), and every translation, signature and publication row against the record that last changed it. "
            + "Exit 0 when all agree, 1 naming each record or row that does not. Needs the audit key the trail was written with "
            + "(Localize__Audit__Key, or the data folder's audit.key).\n\nExample: localize audit verify");
        verify.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var report = await services.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
            if (report.IsIntact)
            {
                Console.WriteLine(
                    $"audit trail intact: {report.Chain.Message}; {"checkpoint".ToQuantity(report.Checkpoints)} agree; "
                    + $"{"row".ToQuantity(report.Rows)} agree with the trail; head {report.Chain.Head}");
                return LocalizeCommandLine.Ok;
            }

            Console.Error.WriteLine($"audit trail does not verify: {"problem".ToQuantity(report.Problems.Count)}");
            foreach (var problem in report.Problems)
            {
                Console.Error.WriteLine($"  {problem}");
            }

            return LocalizeCommandLine.Failed;
        });
        var audit = new Command("audit", "The tamper-evident audit trail of every state change, edit, override, signature and publish.");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
