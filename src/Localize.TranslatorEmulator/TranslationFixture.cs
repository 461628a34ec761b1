using System.Text.Json;

namespace Localize.TranslatorEmulator;

/// <summary>
/// Real translations the emulator answers with instead of its pseudo-translation, so a test can run correct (or
/// deliberately wrong) professional translations through the Azure engine and the checks behind it. Read from a JSON
/// array of <c>{"source": …, "locale": …, "target": …}</c> entries (any other field, such as a "note" saying why an
/// entry is wrong on purpose, is kept for the reader and ignored). A source is written as the engine sends it: HTML
/// mode, inline codes as <c>&lt;span id="c1"&gt;…&lt;/span&gt;</c>. The same entry answers the reverse direction
/// (target → source language), which is what a back-translation asks for: with its source, or with its optional
/// "back" text where the target is wrong on purpose and a faithful back-translation shows the error.
/// </summary>
public sealed class TranslationFixture
{
    private readonly Dictionary<(string Locale, string Text), string> _forward;
    private readonly Dictionary<(string Locale, string Text), string> _backward;

    private TranslationFixture(Dictionary<(string, string), string> forward, Dictionary<(string, string), string> backward)
    {
        _forward = forward;
        _backward = backward;
    }

    public int Count => _forward.Count;

    /// <summary>Reads a fixture file; a malformed one is a <see cref="FormatException"/> naming the file and the entry.</summary>
    public static TranslationFixture Load(string path)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{path}: expected a JSON array of {{\"source\", \"locale\", \"target\"}} entries");
            }

            var forward = new Dictionary<(string, string), string>(KeyComparer.Instance);
            var backward = new Dictionary<(string, string), string>(KeyComparer.Instance);
            var index = 0;
            foreach (var entry in json.RootElement.EnumerateArray())
            {
                index++;
                var source = Field(path, index, entry, "source");
                var locale = Field(path, index, entry, "locale");
                var target = Field(path, index, entry, "target");
                if (!forward.TryAdd((locale, Normalize(source)), target))
                {
                    throw new FormatException($"{path}: entry {index} translates \"{source}\" into {locale} a second time");
                }

                // Two sources may share a translation; the first one is the back-translation.
                var back = entry.TryGetProperty("back", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : source;
                backward.TryAdd((locale, Normalize(target)), back);
            }

            return new TranslationFixture(forward, backward);
        }
    }

    /// <summary>
    /// The fixture's answer for <paramref name="text"/> into <paramref name="to"/>, or the source an entry of
    /// <paramref name="from"/> translated into <paramref name="text"/> (reverse direction); null when it has neither.
    /// </summary>
    public string? Find(string text, string? from, string to)
    {
        var key = Normalize(text);
        if (_forward.TryGetValue((to, key), out var target))
        {
            return target;
        }

        return from is not null && _backward.TryGetValue((from, key), out var source) ? source : null;
    }

    // Engines trim and re-space what they send; the fixture's author should not have to match that byte for byte.
    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Field(string path, int index, JsonElement entry, string name) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{path}: entry {index} has no \"{name}\" text");

    /// <summary>Locales compare as language tags do (zh-hans = zh-Hans); texts exactly.</summary>
    private sealed class KeyComparer : IEqualityComparer<(string Locale, string Text)>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals((string Locale, string Text) x, (string Locale, string Text) y) =>
            string.Equals(x.Locale, y.Locale, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Text, y.Text, StringComparison.Ordinal);

        public int GetHashCode((string Locale, string Text) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Locale), StringComparer.Ordinal.GetHashCode(key.Text));
    }
}
