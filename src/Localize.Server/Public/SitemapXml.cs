using System.Text;
using System.Xml;

namespace Localize.Server.Public;

/// <summary>
/// <c>sitemap.xml</c> with the alternates of every article (the sitemaps.org schema with <c>xhtml:link</c>, as search
/// engines read localized versions): one <c>url</c> per locale, each listing every locale and <c>x-default</c>.
/// </summary>
public static class SitemapXml
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static string Render(IEnumerable<SiteArticle> articles)
    {
        var text = new StringBuilder();
        // The origin marker holds a NUL, which XmlWriter refuses, so the writer gets a placeholder swapped afterwards.
        const string placeholder = "urn:localize:origin";
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var article in articles)
            {
                foreach (var locale in article.Locales)
                {
                    xml.WriteStartElement("url", Namespace);
                    xml.WriteElementString("loc", Namespace, $"{placeholder}/{locale}/{Uri.EscapeDataString(article.Slug)}");
                    if (article.ByLocale[locale].Publication is { } publication)
                    {
                        xml.WriteElementString("lastmod", Namespace, publication.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
                    }

                    foreach (var alternate in article.Locales)
                    {
                        Link(xml, alternate, $"{placeholder}/{alternate}/{Uri.EscapeDataString(article.Slug)}");
                    }

                    Link(xml, "x-default", $"{placeholder}/{Uri.EscapeDataString(article.Slug)}");
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal).Replace(placeholder, RenderedResponse.OriginMarker, StringComparison.Ordinal);
    }

    private static void Link(XmlWriter xml, string hreflang, string href)
    {
        xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("hreflang", hreflang);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
