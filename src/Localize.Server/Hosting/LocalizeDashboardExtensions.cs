using System.Text.Json;
using System.Text.Json.Serialization;
using Localize.Core.Dashboard;
using Localize.Core.Pipelines;
using Localize.Storage.Dashboard;
using Localize.Storage.Workflow;
using Microsoft.Extensions.Options;

namespace Localize.Server.Hosting;

public static class LocalizeDashboardExtensions
{

    /// <summary>The JSON of every dashboard view, in the endpoints and in <c>localize status --json</c>: camelCase, enums as words.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    /// <summary>The dashboard's figures (<see cref="DashboardReader"/>) with the configured prices of machine translation.</summary>
    public static IServiceCollection AddLocalizeDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CostOptions>()
            .Bind(configuration.GetSection(CostOptions.Section))
            .Validate(o => o.PerMillionCharacters.Values.All(p => p >= 0), "Localize:Costs:PerMillionCharacters: a price cannot be negative")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Currency), "Localize:Costs:Currency must name a currency, e.g. USD")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var costs = sp.GetRequiredService<IOptions<CostOptions>>().Value;
            return new CostPrices(costs.Currency, new Dictionary<string, decimal>(costs.PerMillionCharacters, StringComparer.OrdinalIgnoreCase));
        });
        services.AddSingleton<IDashboardFacts>(sp => new SqliteDashboardFacts(sp.GetRequiredService<LocalizeDatabase>(), PipelineRunner.WorkerActor));
        services.AddSingleton<DashboardReader>();
        return services;
    }

    /// <summary><c>GET /api/dashboard/{view}</c>: each view of the dashboard as JSON, for other tools.</summary>
    public static WebApplication MapLocalizeDashboard(this WebApplication app)
    {
        app.MapGet("/api/dashboard/{view}", async (string view, DashboardReader reader, CancellationToken cancellationToken) =>
                (await reader.ReadAsync(cancellationToken)).View(view) is { } body
                    ? Results.Json(body, Json)
                    : Results.NotFound(new { error = $"no dashboard view '{view}'; the views are {string.Join(", ", DashboardReader.Views)}" }))
            .RequireAuthorization(LocalizePeopleExtensions.ManagerPolicy);
        return app;
    }
}
