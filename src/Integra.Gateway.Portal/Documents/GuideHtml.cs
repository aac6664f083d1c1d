using System.Net;
using System.Text;

namespace Integra.Gateway.Portal.Documents;

/// <summary>A guide as a self-contained HTML file (for the welcome e-mail's attachments).</summary>
public static class GuideHtml
{
    public static byte[] Render(Guide guide)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(guide.Title)).Append("</title></head><body><h1>")
            .Append(WebUtility.HtmlEncode(guide.Title)).Append("</h1>");
        foreach (var section in guide.Sections)
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(section.Heading)).Append("</h2>");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
            }
        }

        html.Append("</body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
