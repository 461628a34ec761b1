using Localize.Engines.Apertium;
using Localize.Engines.Pseudo;

namespace Localize.Engines;

/// <summary>
/// Which engines serve as fallback and back-translation engine for a locale that names none of its own, bound from
/// <c>Localize:Engines</c> (<c>Localize__Engines__Fallback</c>, <c>Localize__Engines__BackTranslation</c>). The
/// defaults are the offline engines: the pseudo engine, whose output can never pass for a translation, and Apertium.
/// </summary>
public sealed class EngineRolesOptions
{
    public string Fallback { get; set; } = PseudoEngine.EngineId;

    public string BackTranslation { get; set; } = ApertiumEngine.EngineId;

    /// <summary>
    /// Where <see cref="BackTranslation"/> cannot serve a locale (not installed, no pair: Apertium here has only
    /// eng-spa), the engine that translated the locale translates back instead (Azure fr → en). False: no
    /// back-translation for such a locale, e.g. when a second call to a paid service is not wanted.
    /// </summary>
    public bool BackTranslationByLocaleEngine { get; set; } = true;
}
