using System.Text;
using Localize.Core.Segments;

namespace Localize.Core.Translation;

/// <summary>
/// Pseudo-translation for testing the pipeline without an engine: letters are accented (so untranslated text stands
/// out), the text is lengthened by about 30 % (as German or Spanish often are) and bracketed <c>[!! … !!]</c> (so
/// truncation and concatenation show), and inline codes are kept exactly. Pure and deterministic: the same input always
/// gives the same output. The one pseudo-transform of the code base; the pseudo engine and the CLI both use it.
/// </summary>
public static class PseudoLocalizer
{
    private const string Plain = "aeiouAEIOUcnCNyYszSZ";
    private const string Accented = "áéíóúÁÉÍÓÚçñÇÑýÝšžŠŽ";

    /// <summary>Pseudo-translates text in <see cref="InlineMarkup"/> form; throws <see cref="InlineMarkupException"/> if it is malformed.</summary>
    public static string Localize(string taggedText)
    {
        ArgumentNullException.ThrowIfNull(taggedText);
        var output = new StringBuilder(taggedText.Length * 3 / 2 + 16).Append("[!! ");
        var letters = 0;
        foreach (var part in InlineMarkup.Parse(taggedText))
        {
            switch (part.Kind)
            {
                case InlinePartKind.Text:
                    var accented = new StringBuilder(part.Text.Length);
                    foreach (var c in part.Text)
                    {
                        var at = Plain.IndexOf(c);
                        accented.Append(at >= 0 ? Accented[at] : c);
                        letters += char.IsLetterOrDigit(c) ? 1 : 0;
                    }

                    output.Append(InlineMarkup.Escape(accented.ToString()));
                    break;
                case InlinePartKind.Open:
                    output.Append(InlineMarkup.OpenTag(part.CodeId));
                    break;
                case InlinePartKind.Close:
                    output.Append(InlineMarkup.CloseTag);
                    break;
                case InlinePartKind.Placeholder:
                    output.Append(InlineMarkup.PlaceholderTag(part.CodeId));
                    break;
            }
        }

        // The brackets add 8 characters; pad the rest of the 30 % with a neutral character.
        var padding = (int)Math.Ceiling(letters * 0.3) - 8;
        if (padding > 0)
        {
            output.Append(' ').Append('·', padding);
        }

        return output.Append(" !!]").ToString();
    }
}
