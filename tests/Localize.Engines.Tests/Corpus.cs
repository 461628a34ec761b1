using Localize.Core.Translation;

namespace Localize.Engines.Tests;

/// <summary>
/// Patient-article-like segments: distinct sentences per article, some with links and placeholders, and one
/// disclaimer every article shares (so identical text must be sent once, not 200 times).
/// </summary>
internal static class Corpus
{
    public const string Disclaimer = "This leaflet does not replace the advice of your doctor, nurse or pharmacist.";

    public static List<SegmentToTranslate> Articles(int articles, int segmentsPerArticle)
    {
        var segments = new List<SegmentToTranslate>(articles * segmentsPerArticle);
        for (var a = 1; a <= articles; a++)
        {
            for (var s = 1; s <= segmentsPerArticle; s++)
            {
                var text = (s % 4) switch
                {
                    0 => $"Article {a}, step {s}: take the tablet with a full glass of water and <pc id=\"1\">read the leaflet</pc> first.",
                    1 => $"If you feel dizzy after dose {s} of article {a}, sit down &amp; call<ph id=\"1\"/> your <pc id=\"2\">care team</pc> today.",
                    2 when s == 2 => Disclaimer,
                    2 => $"Keep the medicine below 25 degrees and out of the reach of children (article {a}, note {s}).",
                    _ => $"Side effects are usually mild; tell us about <pc id=\"1\">any <pc id=\"2\">new</pc> symptom</pc> ({a}.{s}).",
                };
                segments.Add(new SegmentToTranslate((a * 1000) + s, $"article-{a:D3}", text));
            }
        }

        return segments;
    }
}
