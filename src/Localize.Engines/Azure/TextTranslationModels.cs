namespace Localize.Engines.Azure;

/// <summary>How the service reads the text (<c>textType</c>); HTML keeps tags and honours <c>translate="no"</c>.</summary>
public enum TextType
{
    Plain,
    Html,
}

/// <summary>One element of a translate response: the element's translations, one per requested target.</summary>
public sealed record TranslatedTextItem(IReadOnlyList<TranslationText> Translations, DetectedLanguage? DetectedLanguage);

/// <param name="TargetLanguage">The <c>to</c> code the service answered for.</param>
public sealed record TranslationText(string TargetLanguage, string Text);

/// <summary>Present only when the request left <c>from</c> out.</summary>
public sealed record DetectedLanguage(string Language, float Confidence);
