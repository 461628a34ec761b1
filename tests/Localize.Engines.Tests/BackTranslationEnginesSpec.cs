using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Engines.Tests;

/// <summary>
/// Which engine translates a locale back into English, with the real engines as configuration makes them: the
/// back-translation engine where it can serve, else the locale's own engine in reverse, never a pseudo engine, and a
/// reason a reviewer can read when none can.
/// </summary>
public sealed class BackTranslationEnginesSpec
{
    [Theory]
    [InlineData("azure", "emulator-key", "true", "azure", null)]
    [InlineData("azure", null, "true", null, "no engine here translates fr → en (apertium: ")]
    [InlineData("azure", null, "true", null, "; azure: no key configured")]
    [InlineData("pseudo", null, "true", null, "; pseudo: pseudo output is not a translation)")]
    [InlineData("azure", "emulator-key", "false", null, "no engine here translates fr → en (apertium: ")]
    public void Where_Apertium_cannot_serve_French_the_locale_engine_translates_back_or_the_reason_is_given(
        string localeEngine, string? azureKey, string byLocaleEngine, string? chosen, string? why)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Apertium is not where this path says: it cannot run, whatever this machine has installed.
            ["Localize:Engines:Apertium:Command"] = "/nonexistent/apertium",
            ["Localize:Engines:Azure:Key"] = azureKey,
            ["Localize:Engines:Azure:Endpoint"] = "http://127.0.0.1:9",
            ["Localize:Engines:BackTranslationByLocaleEngine"] = byLocaleEngine,
        }).Build();
        using var provider = new ServiceCollection().AddLocalizeEngines(configuration).BuildServiceProvider();
        var engines = new BackTranslationEngines(provider.GetRequiredService<IMachineTranslator>(), provider.GetRequiredService<EngineRoles>());

        var choice = engines.Choose(new LocaleTarget("fr", localeEngine, BackTranslation: "apertium"), "en");

        Assert.Equal(chosen, choice.EngineId);
        if (why is null)
        {
            Assert.Null(choice.WhyNone);
        }
        else
        {
            Assert.Contains(why, choice.WhyNone, StringComparison.Ordinal);
        }
    }
}
