namespace Localize.Engines;

/// <summary>Where engine settings live in configuration (environment: <c>Localize__Engines__Azure__Key</c> …).</summary>
public static class EngineConfiguration
{
    public const string SectionName = "Localize:Engines";
}
