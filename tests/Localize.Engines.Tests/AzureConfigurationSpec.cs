using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using Localize.Core.Translation;
using Localize.TranslatorEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Emulator = Localize.TranslatorEmulator.TranslatorEmulator;

namespace Localize.Engines.Tests;

/// <summary>Azure configured the way a host does it: key, region and endpoint from configuration; the key never logged.</summary>
public sealed class AzureConfigurationSpec
{
    [Fact]
    public async Task Key_region_and_endpoint_come_from_configuration_and_the_key_never_reaches_the_logs()
    {
        var key = $"secret-{Guid.NewGuid():N}";
        await using var emulator = await Emulator.StartAsync(new TranslatorEmulatorOptions { Key = key }, TestContext.Current.CancellationToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Localize:Engines:Azure:Key"] = key,
            ["Localize:Engines:Azure:Region"] = "westeurope",
            ["Localize:Engines:Azure:Endpoint"] = emulator.BaseAddress.ToString(),
        }).Build();
        using var provider = new ServiceCollection().AddLocalizeEngines(configuration).BuildServiceProvider();
        var translator = provider.GetRequiredService<IMachineTranslator>();
        var logged = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((_, message) => logged.Enqueue(message), EventLevel.Verbose);

        var result = Assert.Single(await translator.TranslateAsync(
            Translators.Request("azure", "en", ["es"], "Drink water."), TestContext.Current.CancellationToken));

        Assert.Equal("[es] Drïnk wàtér.", result.Text);
        Assert.True(translator.CheckAvailability("azure").IsAvailable);
        var request = Assert.Single(emulator.Log);
        Assert.Equal(("en", "westeurope", true), (request.From, request.Region, request.Html));
        Assert.NotNull(request.ClientTraceId);
        Assert.Contains(logged, line => line.Contains("Ocp-Apim-Subscription-Key:REDACTED", StringComparison.Ordinal));
        Assert.Contains(logged, line => line.Contains("X-ClientTraceId:", StringComparison.Ordinal) && !line.Contains("X-ClientTraceId:REDACTED", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, line => line.Contains(key, StringComparison.Ordinal));
    }
}
