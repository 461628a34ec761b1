using Localize.Core.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Engines.Tests;

/// <summary>What the host gets from one <c>AddLocalizeEngines(configuration)</c> call.</summary>
public sealed class RegistrationSpec
{
    [Fact]
    public async Task One_call_registers_the_translator_with_its_engines_configured_from_Localize_Engines()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Localize:Engines:DoNotTranslate:0"] = "Ketamine",
            ["Localize:Engines:Apertium:Command"] = "/nonexistent/apertium",
        }).Build();
        using var provider = new ServiceCollection().AddLocalizeEngines(configuration).BuildServiceProvider();
        var translator = provider.GetRequiredService<IMachineTranslator>();

        var result = Assert.Single(await translator.TranslateAsync(
            Translators.Request("pseudo", "en", ["qps-ploc"], "Ketamine helps."), TestContext.Current.CancellationToken));

        Assert.Contains("Ketamine", result.Text, StringComparison.Ordinal);
        Assert.True(translator.CheckAvailability("pseudo").IsAvailable);
        Assert.Contains("/nonexistent/apertium", translator.CheckAvailability("apertium").Reason, StringComparison.Ordinal);
    }
}
