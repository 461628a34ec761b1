using Localize.Storage.People;

namespace Localize.Server.Hosting;

/// <summary>
/// The bootstrap story of a fresh install: with no account yet, nobody can sign in to review, so the host says in one
/// line how to create the first administrator (who then creates the others on <c>/admin/users</c>).
/// </summary>
public sealed class FirstRunNotice(SqlUserStore users, ILogger<FirstRunNotice> logger) : BackgroundService
{
    public const string Instructions =
        "No accounts yet: create the first administrator with `dotnet run --project src/Localize.Cli -- users add admin --role admin` (or `localize users add admin --role admin`), then sign in at /account/login";

    // Off the socket engine's thread, whatever completes what it awaits (see ThreadPoolContext).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => ThreadPoolContext.Run(() => NoticeAsync(stoppingToken));

    private async Task NoticeAsync(CancellationToken stoppingToken)
    {
        // After DatabaseMigrator (hosted services start in order), so the users table exists.
        if (!await users.AnyUserAsync(stoppingToken))
        {
            logger.LogWarning("{Instructions}", Instructions);
        }
    }
}
