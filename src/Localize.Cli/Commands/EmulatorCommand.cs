using Humanizer;
using System.CommandLine;
using Localize.TranslatorEmulator;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize emulator</c>: the loopback Azure Translator v3 emulator the tests use, started for a demo of the Azure
/// engine without an Azure account. Its "translations" are pseudo-localised, so no one mistakes them for real ones.
/// </summary>
public static class EmulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port to listen on", DefaultValueFactory = _ => 5081 };
        var key = new Option<string>("--key") { Description = "Subscription key the emulator accepts", DefaultValueFactory = _ => "emulator-key" };
        var fixture = new Option<FileInfo?>("--fixture")
        {
            Description = "JSON array of {\"source\", \"locale\", \"target\"} real translations to answer with (and back from); the rest is pseudo-translated",
        };
        var command = new Command(
            "emulator",
            "Run a loopback emulator of Azure AI Translator v3 (same paths, headers, limits, metering) until Ctrl+C.\n\n"
            + "Example: localize emulator --port 5081\n"
            + "         localize emulator --fixture tests/Localize.Integration.Tests/TestData/Languages/patient-instructions.json\n"
            + "         then run the server with Localize__Engines__Azure__Endpoint=http://127.0.0.1:5081 Localize__Engines__Azure__Key=emulator-key")
        {
            port, key, fixture,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TranslationFixture? translations = null;
            if (parseResult.GetValue(fixture) is { } file)
            {
                try
                {
                    translations = TranslationFixture.Load(file.FullName);
                }
                catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine(ex.Message);
                    return LocalizeCommandLine.Usage;
                }
            }

            await using var emulator = await TranslatorEmulator.TranslatorEmulator.StartAsync(
                new TranslatorEmulatorOptions { Port = parseResult.GetValue(port), Key = parseResult.GetRequiredValue(key), Fixture = translations },
                cancellationToken);
            var answering = translations is null ? string.Empty : $", answering {"real translation".ToQuantity(translations.Count)} from {parseResult.GetValue(fixture)!.Name}";
            Console.WriteLine($"Translator emulator listening on {emulator.BaseAddress} (key '{emulator.Key}'){answering}; Ctrl+C stops it");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine($"{emulator.Requests} requests, {emulator.CharactersMetered} characters metered");
            }

            return LocalizeCommandLine.Ok;
        });
        return command;
    }
}
