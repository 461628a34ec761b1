namespace Localize.Core.Translation;

/// <summary>
/// The engines that serve in a role rather than for one locale, by id: <paramref name="Fallback"/> stands in (labelled
/// as what it is) when a locale's engine cannot run here; <paramref name="BackTranslation"/> translates targets back
/// into the source language for a reviewer who reads the target language less well. Configuration names them
/// (<c>Localize:Engines:Fallback</c>, <c>Localize:Engines:BackTranslation</c>); a pipeline's locale may name its own.
/// <paramref name="BackTranslationByLocaleEngine"/>: where the back-translation engine cannot serve a locale (Apertium
/// has no French pair), the locale's own engine translates back instead (<c>Localize:Engines:BackTranslationByLocaleEngine</c>).
/// </summary>
public sealed record EngineRoles(string Fallback, string BackTranslation, bool BackTranslationByLocaleEngine = true);
