using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>Completes a one-section module and returns the certificate's address.</summary>
internal static class Completion
{
    public static async Task<(HttpClient Client, string CertificateUrl, string Code)> CompleteAsync(LearningHubFactory factory)
    {
        var module = CaseFixtures.ChildV("pdf-module", "PDF Module");
        module["sections"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "Summary",
            ["title"] = "Only section",
            ["body"] = "Read this.",
        });
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", module);
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var done = await client.SubmitFormAsync("/norfolk/modules/pdf-module/sections/1", new Dictionary<string, string>());
        var url = done.Headers.Location!.OriginalString.Split('?')[0];
        return (client, url, url.Split('/').Last());
    }
}

/// <summary>The certificate as a PDF printed by headless Chromium (one browser process for the app).</summary>
public sealed class CertificatePdfTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task The_pdf_download_is_a_pdf_of_the_certificate_with_the_name_and_code()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "These tests need Debian's chromium (scripts/install-test-deps.sh installs it).");
        var (client, url, code) = await Completion.CompleteAsync(factory);

        var page = await client.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector($"a[href='{url}?handler=pdf']"));

        var response = await client.GetAsync($"{url}?handler=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var title = PdfTitle(bytes);
        Assert.Contains(code, title);
        Assert.Contains("Pat Practitioner", title);
        // Tagged, so assistive technology gets the page's structure (the accessibility statement says so).
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains("/StructTreeRoot", text);
        Assert.Contains("/Marked true", text);

        // A second PDF comes from the same browser process, quickly.
        var again = await client.GetAsync($"{url}?handler=pdf");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    /// <summary>The document title from the PDF's Info dictionary: a literal string or UTF-16 hex.</summary>
    internal static string PdfTitle(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var hex = Regex.Match(text, @"/Title\s*<([0-9A-Fa-f\s]+)>");
        if (hex.Success)
        {
            var raw = Convert.FromHexString(Regex.Replace(hex.Groups[1].Value, @"\s", ""));
            return raw.Length >= 2 && raw[0] == 0xFE && raw[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(raw, 2, raw.Length - 2) : Encoding.Latin1.GetString(raw);
        }

        var literal = Regex.Match(text, @"/Title\s*\(((?:\\.|[^\\)])*)\)");
        Assert.True(literal.Success, "The PDF has no /Title");
        var value = literal.Groups[1].Value.Replace("\\(", "(").Replace("\\)", ")");
        var bytes = Encoding.Latin1.GetBytes(value);
        return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : value;
    }
}

/// <summary>Without Chromium the certificate page says the PDF is unavailable and suggests printing; nothing fails.</summary>
public sealed class CertificateWithoutChromiumTests(CertificateWithoutChromiumTests.NoChromiumFactory factory)
    : IClassFixture<CertificateWithoutChromiumTests.NoChromiumFactory>
{
    public sealed class NoChromiumFactory : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Cases:ChromiumPath"] = "/nonexistent/chromium" };
    }

    [Fact]
    public async Task The_page_offers_printing_and_the_pdf_address_does_not_fail()
    {
        var (client, url, _) = await Completion.CompleteAsync(factory);

        var page = await client.GetDocumentAsync(url);
        Assert.Contains("You can print this page", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector($"a[href='{url}?handler=pdf']"));

        var pdf = await client.GetAsync($"{url}?handler=pdf");
        Assert.Equal(HttpStatusCode.Redirect, pdf.StatusCode);
        Assert.Contains("pdfFailed=true", pdf.Headers.Location!.OriginalString);
    }
}
