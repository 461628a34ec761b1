using Localize.Core.Audit;
using Localize.Storage.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Localize.Hosting;

public static class LocalizeAuditExtensions
{
    /// <summary>The audit key, the trail's reader, the checkpoints in the content store and the verifier.</summary>
    public static IServiceCollection AddLocalizeAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => AuditKeySource.Resolve(
            sp.GetRequiredService<IOptions<AuditOptions>>().Value,
            sp.GetRequiredService<IOptions<LocalizeOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Localize.Audit")));
        services.AddSingleton<IAuditTrailStore, SqlAuditTrailStore>();
        services.AddSingleton<AuditCheckpointLog>();
        services.AddSingleton<AuditCheckpointWriter>();
        services.AddSingleton<AuditVerifier>();
        return services;
    }
}
