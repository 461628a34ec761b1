using System.CommandLine;
using Localize.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary><c>localize audit verify</c>: recomputes the audit trail's hash chain and names the first broken record.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command(
            "verify",
            "Recompute the audit trail's hash chain. Exit 0 when intact (prints the head hash: keep it elsewhere to detect a rewrite), 1 naming the first record that was altered, inserted or removed.\n\nExample: localize audit verify");
        verify.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var trail = await services.GetRequiredService<IWorkflowStore>().ReadAuditTrailAsync(cancellationToken);
            var result = AuditChain.Verify(trail);
            if (result.IsIntact)
            {
                Console.WriteLine($"audit trail intact: {result.Message}; head {result.Head}");
                return LocalizeCommandLine.Ok;
            }

            Console.Error.WriteLine($"audit trail broken at record {result.FirstBrokenId}: {result.Message}");
            return LocalizeCommandLine.Failed;
        });
        var audit = new Command("audit", "The tamper-evident audit trail of every state change, edit, override and publish.");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
