namespace Localize.TranslatorEmulator;

public sealed class TranslatorEmulatorOptions
{
    /// <summary>The subscription key the emulator accepts (the real service's <c>Ocp-Apim-Subscription-Key</c>).</summary>
    public string Key { get; set; } = "emulator-key";

    public int MaxElements { get; set; } = 1_000;

    /// <summary>Characters × target languages per request, as the service counts.</summary>
    public int MaxCharacters { get; set; } = 50_000;

    /// <summary>How long a <see cref="EmulatorFault.SlowResponse"/> takes; set it past the client's timeout.</summary>
    public TimeSpan SlowResponseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The <c>Retry-After</c> of <see cref="EmulatorFault.TooManyRequestsWithRetryAfter"/>, in whole seconds as the service sends it.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    public FaultPlan Faults { get; set; } = FaultPlan.None;

    /// <summary>Real translations to answer with (and back from); null: every answer is the pseudo-translation.</summary>
    public TranslationFixture? Fixture { get; set; }
}
