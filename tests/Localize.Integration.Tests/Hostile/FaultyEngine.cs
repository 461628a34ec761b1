using Localize.Core.Translation;
using Localize.Engines.Pseudo;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests.Hostile;

/// <summary>
/// The real pseudo engine behind a switch: <see cref="Down"/> answers every batch as a network failure would
/// (transient, so the worker keeps retrying), <see cref="HangFromCall"/> makes that call and later ones wait until the
/// host stops — the worker is then stopped in the middle of machine translation.
/// </summary>
public sealed class FaultyEngine(PseudoEngine inner) : ITranslationEngine
{
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;
    private int _failedCalls;
    private volatile bool _down;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public int? HangFromCall { get; init; }

    /// <summary>Completes when a call is hanging.</summary>
    public Task Hanging => _hanging.Task;

    public int FailedCalls => Volatile.Read(ref _failedCalls);

    public string Id => inner.Id;

    public EngineCapabilities Capabilities => inner.Capabilities;

    public EngineAvailability CheckAvailability() => inner.CheckAvailability();

    public string? CheckPair(string sourceLanguage, string targetLocale) => inner.CheckPair(sourceLanguage, targetLocale);

    public async Task<EngineBatchResult> TranslateBatchAsync(EngineBatch batch, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (Down)
        {
            Interlocked.Increment(ref _failedCalls);
            throw new TranslationEngineException("connection refused (127.0.0.1:9): the engine is down", isTransient: true);
        }

        if (call >= HangFromCall)
        {
            _hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await inner.TranslateBatchAsync(batch, cancellationToken);
    }

    /// <summary>Puts this engine in the place of the registered pseudo engine.</summary>
    public void ReplacePseudo(IServiceCollection services)
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(ITranslationEngine) && d.ImplementationType == typeof(PseudoEngine)));
        services.AddSingleton<ITranslationEngine>(this);
    }
}
