using System.CommandLine;
using Localize.Storage.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize db migrate</c>: brings the configured database (the SQLite file, or PostgreSQL when
/// <c>Localize__PostgreSql</c> is set) up to date, so an operator can migrate once before starting many workers.
/// </summary>
public static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command(
            "migrate",
            "Apply the schema migrations not yet applied to the configured database (also done at every start-up; idempotent).\n\nExample: Localize__PostgreSql='Host=db;Database=localize;Username=localize' localize db migrate");
        migrate.SetAction(async (parseResult, cancellationToken) =>
        {
            // CliHost migrates before any command runs; this command only says what it migrated.
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            Console.WriteLine($"{services.GetRequiredService<LocalizeDatabase>().Description}: schema up to date");
            return LocalizeCommandLine.Ok;
        });
        var db = new Command("db", "The database Localize keeps its workflow in (SQLite by default, PostgreSQL to scale out).");
        db.Subcommands.Add(migrate);
        return db;
    }
}
