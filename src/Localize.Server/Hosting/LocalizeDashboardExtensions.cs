using Localize.Core.Dashboard;

namespace Localize.Server.Hosting;

public static class LocalizeDashboardExtensions
{
    /// <summary><c>GET /api/dashboard/{view}</c>: each view of the dashboard as JSON, for other tools.</summary>
    public static WebApplication MapLocalizeDashboard(this WebApplication app)
    {
        app.MapGet("/api/dashboard/{view}", async (string view, DashboardReader reader, CancellationToken cancellationToken) =>
                (await reader.ReadAsync(cancellationToken)).View(view) is { } body
                    ? Results.Json(body, DashboardJson.Options)
                    : Results.NotFound(new { error = $"no dashboard view '{view}'; the views are {string.Join(", ", DashboardReader.Views)}" }))
            .RequireAuthorization(LocalizePeopleExtensions.ManagerPolicy);
        return app;
    }
}
