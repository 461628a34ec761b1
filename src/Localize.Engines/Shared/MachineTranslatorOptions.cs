namespace Localize.Engines.Shared;

/// <summary>The shared layer's settings, bound from <c>Localize:Engines</c>.</summary>
public sealed class MachineTranslatorOptions
{
    /// <summary>Glossary terms every engine leaves untranslated (drug and brand names …); requests may add more.</summary>
    public List<string> DoNotTranslate { get; set; } = [];

    /// <summary>First pause before trying a transiently failed batch again; doubles on each further attempt.</summary>
    public TimeSpan BatchRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
