using System.Net;
using System.Text.Json.Nodes;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// The facilitator view: a published module on one printable page (key messages, the case in brief, the sections'
/// reflective questions and the team activities kept "For facilitators", practice actions by role), for signed-in
/// people of the module's board only, linked from the module page; the same page as a PDF printed by Chromium.
/// </summary>
public sealed class FacilitatorViewTests : IClassFixture<FixtureCasesFactory>, IAsyncLifetime
{
    private readonly FixtureCasesFactory _factory;

    public FacilitatorViewTests(FixtureCasesFactory factory) => _factory = factory;

    private static JsonObject Facilitated(string slug, string title)
    {
        var module = CaseFixtures.ChildV(slug, title);
        var sections = module["sections"]!.AsArray();
        sections[2]!["body"] = "Answer these on your own.\n\n## For facilitators: the team version\n\n- Map the agencies around the family <b>together</b>.\n\n## Afterwards\n\nPractitioners' text only.";
        sections.Add(new JsonObject { ["kind"] = "What this means for your practice", ["title"] = "What this means for you", ["body"] = "Actions by role." });
        module["practiceActions"] = new JsonArray(
            new JsonObject { ["role"] = "Health", ["text"] = "Book an interpreter for every appointment." },
            new JsonObject { ["role"] = "Police", ["text"] = "Record who interpreted." },
            new JsonObject { ["role"] = "Everyone", ["text"] = "Ask who lives in the home." });
        return module;
    }

    public async Task InitializeAsync()
    {
        await CaseFixtures.ApplyAsync(_factory.Services, "norfolk", Facilitated("facilitated-v", "Facilitated V"), Facilitated("withdrawn-v", "Withdrawn V"));
        await _factory.WithBoardAsync("norfolk", async db =>
        {
            var withdrawn = await db.Set<CaseModule>().SingleAsync(m => m.Slug == "withdrawn-v");
            withdrawn.Status = CaseModuleStatus.Draft;
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_view_has_key_messages_the_case_in_brief_the_questions_the_team_activities_and_the_actions_by_role()
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var page = await client.GetDocumentAsync("/norfolk/modules/facilitated-v/facilitator");
        var main = page.QuerySelector("main")!;

        Assert.Equal(["Use a professional interpreter.", "Ask who else lives in the home."],
            main.QuerySelectorAll("#key-messages li").Select(li => li.TextContent.Trim()).ToArray());
        // Key messages are the board's framing of the review, and say so.
        Assert.Contains("in its own words rather than the review's", main.QuerySelector("#key-messages")!.TextContent);
        Assert.Contains("A baby whose parents needed an interpreter was seriously injured", main.QuerySelector("#case-in-brief + p")!.TextContent);
        Assert.Equal(["When did you last use a professional interpreter?", "What would you share, and with whom?", "What will you do differently?"],
            main.QuerySelectorAll(".lh-facilitator__section ol li").Select(li => li.TextContent.Trim()).ToArray());
        // The team activities of the section, as the author wrote them (markdown, no HTML), without the rest of its text.
        var notes = main.QuerySelector(".lh-facilitator__section .govuk-inset-text")!;
        Assert.Contains("Map the agencies around the family <b>together</b>.", notes.TextContent);
        Assert.Null(notes.QuerySelector("b"));
        Assert.DoesNotContain("Practitioners' text only.", main.TextContent);
        Assert.Equal(["Health", "Police", "Everyone"], main.QuerySelectorAll("#practice-actions ~ h3").Select(h => h.TextContent.Trim()).ToArray());
        Assert.Contains("Record who interpreted.", main.TextContent);
    }

    [Fact]
    public async Task The_module_page_links_to_it_for_signed_in_people()
    {
        var client = _factory.CreateBrowserClient();
        Assert.Null((await client.GetDocumentAsync("/norfolk/modules/facilitated-v")).GetElementById("facilitator-view"));

        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var module = await client.GetDocumentAsync("/norfolk/modules/facilitated-v");

        Assert.Equal("/norfolk/modules/facilitated-v/facilitator", module.GetElementById("facilitator-view")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?handler=pdf")]
    public async Task Signing_in_is_needed(string handler)
    {
        var response = await _factory.CreateBrowserClient().GetAsync("/norfolk/modules/facilitated-v/facilitator" + handler);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("sign-in", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?handler=pdf")]
    public async Task Another_board_cannot_open_it(string handler)
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("essex", "practitioner@essex.demo");

        var response = await client.GetAsync("/essex/modules/facilitated-v/facilitator" + handler);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?handler=pdf")]
    public async Task A_module_that_is_not_published_is_not_found(string handler)
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var response = await client.GetAsync("/norfolk/modules/withdrawn-v/facilitator" + handler);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_pdf_is_the_view_printed_by_chromium()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "These tests need Debian's chromium (scripts/install-test-deps.sh installs it).");
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var page = await client.GetDocumentAsync("/norfolk/modules/facilitated-v/facilitator");
        Assert.Equal("/norfolk/modules/facilitated-v/facilitator?handler=pdf", page.GetElementById("facilitator-pdf")!.GetAttribute("href"));

        var response = await client.GetAsync("/norfolk/modules/facilitated-v/facilitator?handler=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        // Chromium takes the PDF's title from the page it printed: this module's facilitator view.
        Assert.Contains("Facilitator view – Facilitated V", CertificatePdfTests.PdfTitle(bytes));
        // Printed with the site's stylesheets (sans-serif throughout), not Chromium's serif default for unstyled text.
        var fonts = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(bytes), @"/BaseFont\s*/\S+").Select(m => m.Value).ToList();
        Assert.NotEmpty(fonts);
        Assert.DoesNotContain(fonts, f => f.Contains("Serif", StringComparison.Ordinal));
    }

    [Fact]
    public void Facilitator_notes_are_the_for_facilitators_headings_and_what_follows_to_the_next_heading_of_their_level()
    {
        var notes = FacilitatorNotes.From("Intro\n\n## For facilitators: teams\n\n- one\n\n### Sub\n\ntwo\n\n## Next\n\nthree\n\n# For facilitators\n\nfour");

        Assert.Equal(["## For facilitators: teams\n\n- one\n\n### Sub\n\ntwo", "# For facilitators\n\nfour"], notes);
        Assert.Empty(FacilitatorNotes.From("No notes here.\n\n## Heading\n\ntext"));
    }
}

/// <summary>Without Chromium the facilitator view offers printing, as certificates do, and its PDF address does not fail.</summary>
public sealed class FacilitatorViewWithoutChromiumTests(CertificateWithoutChromiumTests.NoChromiumFactory factory)
    : IClassFixture<CertificateWithoutChromiumTests.NoChromiumFactory>
{
    [Fact]
    public async Task The_page_offers_printing_and_the_pdf_address_returns_to_it()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var page = await client.GetDocumentAsync("/norfolk/modules/case-r/facilitator");
        Assert.Null(page.GetElementById("facilitator-pdf"));
        Assert.Contains("save it as a PDF from your browser's print menu", page.QuerySelector("main")!.TextContent);

        var pdf = await client.GetAsync("/norfolk/modules/case-r/facilitator?handler=pdf");
        Assert.Equal(HttpStatusCode.Redirect, pdf.StatusCode);
        Assert.Equal("/norfolk/modules/case-r/facilitator?pdfFailed=true", pdf.Headers.Location!.OriginalString);
    }
}
