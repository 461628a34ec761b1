namespace Localize.Core.Workflow;

/// <summary>Each segment's translation in one locale: read, saved after a transition with its change records, its notes.</summary>
public interface ITranslationStore
{
    Task<SegmentTranslation?> GetTranslationAsync(long translationId, CancellationToken cancellationToken);

    /// <summary>Several translations in one read, by id; an id that does not exist is left out.</summary>
    Task<IReadOnlyDictionary<long, SegmentTranslation>> GetTranslationsAsync(IReadOnlyCollection<long> translationIds, CancellationToken cancellationToken);

    /// <summary>The sources of the segments before and after a translation's segment in its article (null at the ends), for translation memory's context.</summary>
    Task<SegmentNeighbours> FindNeighboursAsync(long translationId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a translation after a transition together with its change records. Refused with
    /// <see cref="ConcurrencyConflictException"/> when someone saved it since it was read.
    /// </summary>
    Task SaveTranslationAsync(SegmentTranslation translation, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken);

    /// <summary>
    /// Saves several translations after their transitions, each with its change records and the notes it carries from
    /// here, in one transaction: a step settling a batch pays one commit, not one per segment. A translation someone
    /// saved since it was read keeps their state and is not among the ids returned.
    /// </summary>
    Task<IReadOnlySet<long>> SaveTranslationsAsync(IReadOnlyList<TranslationSave> saves, CancellationToken cancellationToken);

    /// <summary>Stores findings/flags for a translation (from engines and checks), replacing the previous ones.</summary>
    Task SaveNotesAsync(long translationId, IReadOnlyList<SegmentNote> notes, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChangeRecord>> ListChangesAsync(long translationId, CancellationToken cancellationToken);
}

/// <summary>A translation after a transition, the change records that moved it, and the notes it carries from here.</summary>
public sealed record TranslationSave(SegmentTranslation Translation, IReadOnlyList<ChangeRecord> Changes, IReadOnlyList<SegmentNote> Notes);
