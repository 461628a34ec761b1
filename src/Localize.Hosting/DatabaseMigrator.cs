using Localize.Storage.Workflow;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Localize.Hosting;

/// <summary>Brings the database schema up to date before anything else starts (the worker and the web app both need it).</summary>
public sealed class DatabaseMigrator(SqlSchema schema, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await schema.MigrateAsync(cancellationToken);
        logger.LogDebug("Database schema is up to date");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
