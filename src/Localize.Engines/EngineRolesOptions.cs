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
}
