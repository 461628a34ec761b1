namespace Localize.TranslatorEmulator;

/// <summary>Faults the emulator can answer a translate request with, as listed in azure-translator-v3.md.</summary>
public enum EmulatorFault
{
    None,
    TooManyRequestsWithRetryAfter,
    TooManyRequests,
    RequestTimeout,
    InternalServerError,
    ServiceUnavailable,

    /// <summary>The right answer, later than any sensible client timeout.</summary>
    SlowResponse,

    /// <summary>A 200 whose JSON stops half-way.</summary>
    TruncatedJson,

    /// <summary>A 200 whose body is not JSON at all.</summary>
    MalformedJson,

    /// <summary>A 200 with one element fewer than the request had.</summary>
    WrongElementCount,
    BadRequest,
    Forbidden,
}

/// <summary>
/// Which faults the emulator injects: first the <see cref="Sequence"/> in order (one per request), then, with
/// probability <see cref="Rate"/>, one of <see cref="Storm"/> drawn from a generator seeded with <see cref="Seed"/>.
/// </summary>
public sealed record FaultPlan(double Rate, int Seed, IReadOnlyList<EmulatorFault> Storm, IReadOnlyList<EmulatorFault> Sequence)
{
    public static FaultPlan None { get; } = new(0, 0, [], []);

    /// <summary>The transient faults, mixed at random: what a client must ride out.</summary>
    public static IReadOnlyList<EmulatorFault> TransientFaults { get; } =
    [
        EmulatorFault.TooManyRequestsWithRetryAfter,
        EmulatorFault.TooManyRequests,
        EmulatorFault.RequestTimeout,
        EmulatorFault.InternalServerError,
        EmulatorFault.ServiceUnavailable,
        EmulatorFault.SlowResponse,
        EmulatorFault.TruncatedJson,
        EmulatorFault.MalformedJson,
        EmulatorFault.WrongElementCount,
    ];

    public static FaultPlan RandomStorm(int seed, double rate) => new(rate, seed, TransientFaults, []);

    /// <summary>These faults for the next requests, one each, then normal answers.</summary>
    public static FaultPlan Next(params EmulatorFault[] faults) => new(0, 0, [], faults);

    public static FaultPlan Always(EmulatorFault fault) => new(1, 0, [fault], []);
}
