using Localize.Core.Checks.Analysis;
using Localize.Core.Translation;
using Localize.Engines.Apertium;
using Localize.Engines.Azure;
using Localize.Engines.Pseudo;
using Localize.Engines.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Localize.Engines;

namespace Microsoft.Extensions.DependencyInjection;

public static class EnginesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMachineTranslator"/> with every engine (azure, apertium, pseudo), options bound from
    /// <c>Localize:Engines</c>, and the <see cref="EngineRoles"/> (fallback and back-translation engines) configured there. Cache and meter default to in-memory ones; register the SQLite ones from
    /// Localize.Storage (before or after this call) to keep machine output and usage across restarts.
    /// </summary>
    public static IServiceCollection AddLocalizeEngines(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(EngineConfiguration.SectionName);
        services.AddOptions<MachineTranslatorOptions>().Bind(section);
        services.AddOptions<ApertiumOptions>().Bind(section.GetSection("Apertium"));
        services.AddOptions<AzureTranslatorOptions>().Bind(section.GetSection("Azure"));
        services.AddOptions<EngineRolesOptions>().Bind(section);
        services.TryAddSingleton(sp =>
        {
            var roles = sp.GetRequiredService<IOptions<EngineRolesOptions>>().Value;
            return new EngineRoles(roles.Fallback, roles.BackTranslation, roles.BackTranslationByLocaleEngine);
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMachineTranslationCache, InMemoryMachineTranslationCache>();
        services.TryAddSingleton<IUsageMeter, InMemoryUsageMeter>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslationEngine, PseudoEngine>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslationEngine, ApertiumEngine>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslationEngine, AzureTranslatorEngine>());
        services.TryAddSingleton<TranslationEngineRegistry>();
        services.TryAddSingleton<IMachineTranslator, MachineTranslator>();
        services.TryAddSingleton<IMorphologicalAnalyser, ApertiumAnalyser>();
        return services;
    }
}
