using System.Text;
using System.Text.Encodings.Web;

namespace LearningHub.Impact.Services;

/// <summary>
/// The annual-report pack as one self-contained HTML document for printing to PDF (Cases' <c>ChromiumPdf</c>, the
/// certificate's path): the page's headings, sentences and tables, every value HTML-encoded, with a print stylesheet.
/// </summary>
public static class PackDocument
{
    private const string Stylesheet = """
        @page { size: A4; margin: 18mm 15mm; }
        body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #0b0c0c; }
        h1 { font-size: 20pt; margin: 0 0 4mm; }
        h2 { font-size: 14pt; margin: 8mm 0 2mm; }
        p { margin: 0 0 3mm; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 5mm; page-break-inside: auto; }
        caption { text-align: left; font-weight: bold; margin-bottom: 2mm; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
        .num { text-align: right; }
        tr { page-break-inside: avoid; }
        """;

    public static string Title(string boardName, AnnualReportView view) =>
        $"{boardName}: annual report, {view.Period.Text}{(view.AgencyName is null ? "" : $", {view.AgencyName}")}";

    public static string Html(string boardName, AnnualReportView view)
    {
        var e = HtmlEncoder.Default;
        var body = new StringBuilder();
        body.Append($"<h1>{e.Encode(Title(boardName, view))}</h1>");
        foreach (var section in view.Sections)
        {
            body.Append($"<h2>{e.Encode(section.Heading)}</h2>");
            if (section.Lead is not null)
            {
                body.Append($"<p>{e.Encode(section.Lead)}</p>");
            }

            foreach (var table in section.Tables)
            {
                body.Append($"<table><caption>{e.Encode(table.Caption)}</caption><thead><tr>");
                for (var i = 0; i < table.Headers.Count; i++)
                {
                    body.Append($"<th scope=\"col\"{(table.Numeric.Contains(i) ? " class=\"num\"" : "")}>{e.Encode(table.Headers[i])}</th>");
                }

                body.Append("</tr></thead><tbody>");
                foreach (var row in table.Rows)
                {
                    body.Append("<tr>");
                    for (var i = 0; i < row.Count; i++)
                    {
                        var tag = i == 0 ? "th scope=\"row\"" : "td";
                        body.Append($"<{tag}{(table.Numeric.Contains(i) ? " class=\"num\"" : "")}>{e.Encode(row[i])}</{(i == 0 ? "th" : "td")}>");
                    }

                    body.Append("</tr>");
                }

                body.Append("</tbody></table>");
            }
        }

        return $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>{e.Encode(Title(boardName, view))}</title><style>{Stylesheet}</style></head>
            <body>{body}</body>
            </html>
            """;
    }
}
