namespace Localize.Core.Translation;

/// <summary>
/// One machine-translation engine, holding only what differs between engines: how it is called, its limits and the
/// markup it keeps. Batching, protection of codes and glossary terms, verification, caching, metering and batch
/// retries belong to the shared layer that calls it (Weblate's one-class-per-engine shape).
/// </summary>
public interface ITranslationEngine
{
    /// <summary>The id callers name in <see cref="MachineTranslationRequest.EngineId"/> (<c>azure</c>, <c>apertium</c>, <c>pseudo</c>).</summary>
    string Id { get; }

    EngineCapabilities Capabilities { get; }

    EngineAvailability CheckAvailability();

    /// <summary>Null when the engine can translate this pair; otherwise why not (no Apertium mode installed …).</summary>
    string? CheckPair(string sourceLanguage, string targetLocale);

    /// <summary>
    /// Translates every text of the batch into every locale of the batch. Texts are already protected in the engine's
    /// <see cref="EngineCapabilities.Markup"/>. Either all outputs come back, in order, or the call throws
    /// (<see cref="TranslationEngineException"/> says whether trying again may help): never a partial result.
    /// </summary>
    Task<EngineBatchResult> TranslateBatchAsync(EngineBatch batch, CancellationToken cancellationToken);
}

/// <param name="MaxTextsPerBatch">Most texts in one call (Azure: 1,000).</param>
/// <param name="MaxCharactersPerBatch">
/// Most characters in one call, counted as characters × target locales because that is how Azure bills and limits.
/// </param>
/// <param name="MaxLocalesPerBatch">How many target locales one call may fan out to (Apertium: one mode per call).</param>
/// <param name="MaxConcurrentBatches">Calls in flight at once for the whole process (Apertium: one process per core).</param>
/// <param name="BatchAttempts">
/// How often the shared layer tries a batch whose call failed transiently (Apertium: a hung call is retried once).
/// </param>
/// <param name="IsPseudo">Output is not a translation and must be labelled as such.</param>
public sealed record EngineCapabilities(
    int MaxTextsPerBatch,
    int MaxCharactersPerBatch,
    int MaxLocalesPerBatch,
    int MaxConcurrentBatches,
    EngineMarkup Markup,
    int BatchAttempts = 2,
    bool IsPseudo = false);

/// <summary>How inline codes and do-not-translate terms travel through an engine.</summary>
public enum EngineMarkup
{
    /// <summary>
    /// HTML where paired codes stay paired (<c>&lt;span id="c1"&gt;…&lt;/span&gt;</c>), placeholders are empty elements
    /// and glossary terms sit in <c>translate="no"</c> spans: for engines that keep tag structure (Azure).
    /// </summary>
    HtmlPaired,

    /// <summary>
    /// HTML where every code, including each end of a paired one, is an isolated empty element and glossary terms are
    /// replaced by one: for engines that reorder or split paired tags (Apertium, see apertium.md).
    /// </summary>
    HtmlIsolated,

    /// <summary>The shared inline-markup form as is, glossary terms as placeholders (pseudo-localisation).</summary>
    InlineMarkup,
}

/// <param name="Texts">Protected texts, distinct.</param>
public sealed record EngineBatch(string SourceLanguage, IReadOnlyList<string> TargetLocales, IReadOnlyList<string> Texts);

/// <param name="Outputs">Outputs[text][locale], in the batch's orders.</param>
/// <param name="CharactersCharged">What the service says it billed for the call (0 for free engines).</param>
public sealed record EngineBatchResult(IReadOnlyList<IReadOnlyList<EngineOutput>> Outputs, long CharactersCharged);

/// <param name="Text">The engine's output, still in the engine markup.</param>
/// <param name="Flags">What the engine itself noticed (Apertium's unknown words …).</param>
public sealed record EngineOutput(string Text, IReadOnlyList<string> Flags);

/// <summary>An engine call failed as a whole. <see cref="IsTransient"/>: trying the same batch again may succeed.</summary>
public sealed class TranslationEngineException(string message, bool isTransient, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool IsTransient { get; } = isTransient;
}
