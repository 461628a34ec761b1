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
        var command = new Command(
            "emulator",
            "Run a loopback emulator of Azure AI Translator v3 (same paths, headers, limits, metering) until Ctrl+C.\n\n"
            + "Example: localize emulator --port 5081\n"
            + "         then run the server with Localize__Engines__Azure__Endpoint=http://127.0.0.1:5081 Localize__Engines__Azure__Key=emulator-key")
        {
            port, key,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var emulator = await TranslatorEmulator.TranslatorEmulator.StartAsync(
                new TranslatorEmulatorOptions { Port = parseResult.GetValue(port), Key = parseResult.GetRequiredValue(key) },
                cancellationToken);
            Console.WriteLine($"Translator emulator listening on {emulator.BaseAddress} (key '{emulator.Key}'); Ctrl+C stops it");
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
