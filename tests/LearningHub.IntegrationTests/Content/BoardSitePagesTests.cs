using System.Net;
using LearningHub.Content.Domain;
using BoardPagesService = LearningHub.Content.Services.BoardPages;
using LearningHub.Core.Audit;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Content;

/// <summary>
/// A board's own pages (issue 20, acceptance 1): drafted, previewed and published by an author, placed in the menu,
/// invisible and unchangeable from another board, rendered without raw HTML or script links, with "what changed"
/// between versions.
/// </summary>
public sealed class BoardSitePagesTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static Dictionary<string, string> Page(string title, string slug, string body, string? summary = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.Slug"] = slug,
        ["Input.Summary"] = summary ?? "",
        ["Input.Body"] = body,
    };

    private async Task<HttpClient> AuthorAsync(string board = "norfolk")
    {
        var author = factory.CreateBrowserClient();
        await author.SignInAsync(board, $"author@{board}.demo");
        return author;
    }

    /// <summary>Creates a draft and returns its id, read from the preview address it redirects to.</summary>
    private static async Task<Guid> DraftAsync(HttpClient author, Dictionary<string, string> fields)
    {
        var created = await author.SubmitFormAsync("/norfolk/manage/pages/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.EndsWith("/preview", location);
        return Guid.Parse(location.Split('/')[^2]);
    }

    private static async Task PublishAsync(HttpClient author, Guid id)
    {
        var published = await author.SubmitFormAsync($"/norfolk/manage/pages/{id}/preview", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }

    [Fact]
    public async Task An_author_drafts_previews_and_publishes_a_page_and_places_it_in_the_menu()
    {
        var author = await AuthorAsync();
        var id = await DraftAsync(author, Page("Seven-minute guide: neglect", "seven-minute-guide-neglect",
            "# What neglect is\n\nThe persistent failure to meet a child's basic needs.", "A short guide for busy practitioners."));

        // A draft is not public, but its author sees it in the preview with the button that publishes it.
        await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/seven-minute-guide-neglect", HttpStatusCode.NotFound);
        var preview = await author.GetDocumentAsync($"/norfolk/manage/pages/{id}/preview");
        Assert.Contains("a draft", preview.QuerySelector("#preview-state")!.TextContent);
        Assert.Equal("What neglect is", preview.QuerySelector("#page-body h2")!.TextContent);
        Assert.NotNull(preview.QuerySelectorAll("main form button").SingleOrDefault(b => b.TextContent.Trim() == "Publish page"));

        await PublishAsync(author, id);

        var page = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/seven-minute-guide-neglect");
        Assert.Equal("Seven-minute guide: neglect", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal("A short guide for busy practitioners.", page.QuerySelector("#page-summary")!.TextContent);
        Assert.Contains("The persistent failure to meet a child's basic needs.", page.QuerySelector("#page-body")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("nav[aria-label=Menu] a"), a => a.GetAttribute("href") == "/norfolk/pages/seven-minute-guide-neglect");

        // Into the menu, before the About page the recipe placed first.
        var menu = await author.SubmitFormAsync("/norfolk/manage/menu", new Dictionary<string, string>
        {
            [$"Positions[{id}]"] = "1",
            [$"Positions[{await PageIdAsync("norfolk", "about")}]"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, menu.StatusCode);
        var home = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk");
        var links = home.QuerySelectorAll("nav[aria-label=Menu] a").Select(a => a.GetAttribute("href")).ToList();
        var guide = links.IndexOf("/norfolk/pages/seven-minute-guide-neglect");
        Assert.True(guide >= 0, string.Join(", ", links));
        Assert.True(guide < links.IndexOf("/norfolk/pages/about"), string.Join(", ", links));

        var actions = await factory.WithBoardAsync("norfolk", db => db.Set<AuditEntry>().Where(a => a.TargetId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("content.page.created", actions);
        Assert.Contains("content.page.published", actions);
        Assert.True(await factory.WithBoardAsync("norfolk", db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "content.menu.changed")));
    }

    private Task<Guid> PageIdAsync(string board, string slug) =>
        factory.WithBoardAsync(board, db => db.Set<BoardPage>().Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task An_Essex_author_can_neither_see_nor_change_a_Norfolk_page()
    {
        var norfolkAuthor = await AuthorAsync();
        var id = await DraftAsync(norfolkAuthor, Page("Norfolk only", "norfolk-only", "Words for Norfolk."));
        await PublishAsync(norfolkAuthor, id);
        var essex = await AuthorAsync("essex");

        await essex.GetDocumentAsync($"/essex/manage/pages/{id}", HttpStatusCode.NotFound);
        await essex.GetDocumentAsync($"/essex/manage/pages/{id}/preview", HttpStatusCode.NotFound);
        await essex.GetDocumentAsync("/essex/pages/norfolk-only", HttpStatusCode.NotFound);
        var essexList = await essex.GetDocumentAsync("/essex/manage/pages");
        Assert.DoesNotContain("Norfolk only", essexList.QuerySelector("main")!.TextContent);

        // A change posted with a token from Essex's own form finds nothing to change.
        var change = await essex.SubmitFormAsync("/essex/manage/pages/new", Page("Taken over", "norfolk-only", "Changed by Essex."), $"/essex/manage/pages/{id}");
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        var menu = await essex.SubmitFormAsync("/essex/manage/menu", new Dictionary<string, string> { [$"Positions[{id}]"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, menu.StatusCode);

        var page = await factory.WithBoardAsync("norfolk", db => db.Set<BoardPage>().Include(p => p.Versions).SingleAsync(p => p.Id == id));
        Assert.Equal("Words for Norfolk.", page.Versions.Single().Body);
        Assert.Null(page.MenuPosition);
        Assert.Null(page.DraftVersionId);
    }

    [Fact]
    public async Task A_withdrawn_page_leaves_the_site_and_the_menu_only_from_the_confirm_page_and_can_be_published_again()
    {
        var author = await AuthorAsync();
        var id = await DraftAsync(author, Page("Out of date guide", "out-of-date-guide", "Advice that no longer holds."));
        await author.GetDocumentAsync($"/norfolk/manage/pages/{id}/withdraw", HttpStatusCode.NotFound);
        await PublishAsync(author, id);
        await author.SubmitFormAsync("/norfolk/manage/menu", new Dictionary<string, string> { [$"Positions[{id}]"] = "3" });

        // The edit page offers it; the link asks first, and asking changes nothing.
        var edit = await author.GetDocumentAsync($"/norfolk/manage/pages/{id}");
        Assert.Equal($"/norfolk/manage/pages/{id}/withdraw", edit.QuerySelector("#withdraw")!.GetAttribute("href"));
        var question = await author.GetDocumentAsync($"/norfolk/manage/pages/{id}/withdraw");
        Assert.Equal("Are you sure you want to withdraw this page?", question.QuerySelector("main h1")!.TextContent);
        await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/out-of-date-guide");
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        await practitioner.GetDocumentAsync($"/norfolk/manage/pages/{id}/withdraw", HttpStatusCode.Forbidden);

        var withdrawn = await author.SubmitFormAsync($"/norfolk/manage/pages/{id}/withdraw", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var after = await author.GetDocumentAsync(withdrawn.Headers.Location!.OriginalString);
        Assert.Contains("The page was withdrawn", after.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Null(after.QuerySelector("#withdraw"));
        Assert.Equal("Advice that no longer holds.", after.QuerySelector("#Input_Body")!.TextContent);

        await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/out-of-date-guide", HttpStatusCode.NotFound);
        var home = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk");
        Assert.DoesNotContain(home.QuerySelectorAll("nav[aria-label=Menu] a"), a => a.GetAttribute("href") == "/norfolk/pages/out-of-date-guide");
        Assert.True(await factory.WithBoardAsync("norfolk", db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "content.page.withdrawn" && a.TargetId == id.ToString())));

        await PublishAsync(author, id);
        var again = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/out-of-date-guide");
        Assert.Contains("Advice that no longer holds.", again.QuerySelector("#page-body")!.TextContent);
    }

    [Fact]
    public async Task A_published_page_keeps_its_address_until_a_draft_with_a_new_one_is_published_and_nobody_else_can_take_it_meanwhile()
    {
        var author = await AuthorAsync();
        var id = await DraftAsync(author, Page("Training offer", "training-offer", "What the board offers."));
        await PublishAsync(author, id);

        var saved = await author.SubmitFormAsync($"/norfolk/manage/pages/{id}", Page("Training offer", "training", "What the board offers."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/training-offer");
        await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/training", HttpStatusCode.NotFound);
        var preview = await author.GetDocumentAsync($"/norfolk/manage/pages/{id}/preview");
        Assert.Contains("moves the page from pages/training-offer to pages/training", preview.QuerySelector("#preview-state")!.TextContent);
        var edit = await author.GetDocumentAsync($"/norfolk/manage/pages/{id}");
        Assert.Equal("training", edit.QuerySelector("#Input_Slug")!.GetAttribute("value"));

        // The address the draft is waiting for is not free for another page.
        var other = await author.SubmitFormAsync("/norfolk/manage/pages/new", Page("Another", "training", "Words."));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var refused = await other.ParseAsync();
        Assert.Equal(BoardPagesService.SlugTaken, refused.QuerySelector(".govuk-error-summary a[href='#Input_Slug']")!.TextContent);

        await PublishAsync(author, id);
        await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/training");
        await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/training-offer", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Script_and_javascript_links_in_the_text_are_inert()
    {
        var author = await AuthorAsync();
        var id = await DraftAsync(author, Page("Hostile", "hostile",
            "<script>document.title='owned'</script>\n\n[Click me](javascript:alert(1)) and [me too](JaVaScRiPt:alert(2)) and <img src=x onerror=alert(3)>\n\n[A real link](https://www.gov.uk/)"));
        await PublishAsync(author, id);

        var page = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/hostile");
        var body = page.QuerySelector("#page-body")!;
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Contains("<script>document.title='owned'</script>", body.TextContent);
        var hrefs = body.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.Equal(3, hrefs.Count);
        Assert.DoesNotContain(hrefs, h => h.Contains("script", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("https://www.gov.uk/", hrefs);
    }

    [Fact]
    public async Task A_second_version_shows_what_changed_line_by_line_while_readers_see_the_first_until_it_is_published()
    {
        var author = await AuthorAsync();
        var id = await DraftAsync(author, Page("Contact the board", "contact", "Phone us on weekdays.\nEmail us at any time."));
        await PublishAsync(author, id);

        var saved = await author.SubmitFormAsync($"/norfolk/manage/pages/{id}", Page("Contact the board", "contact", "Phone us from 9am to 5pm on weekdays.\nEmail us at any time."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stillFirst = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/contact");
        Assert.Contains("Phone us on weekdays.", stillFirst.QuerySelector("#page-body")!.TextContent);
        await PublishAsync(author, id);

        var changes = await author.GetDocumentAsync($"/norfolk/manage/pages/{id}/versions/2");
        var text = changes.QuerySelector("ol[data-field=Text]")!;
        Assert.Equal("Removed: Phone us on weekdays.", text.QuerySelector(".lh-diff__removed")!.TextContent.Trim());
        Assert.Equal("Added: Phone us from 9am to 5pm on weekdays.", text.QuerySelector(".lh-diff__added")!.TextContent.Trim());
        Assert.Equal("Email us at any time.", text.QuerySelector(".lh-diff__same")!.TextContent.Trim());
        Assert.Null(changes.QuerySelector("ol[data-field=Title]"));
        var versions = await factory.WithBoardAsync("norfolk", db => db.Set<BoardPageVersion>().Where(v => v.PageId == id).OrderBy(v => v.Number).Select(v => v.State).ToListAsync());
        Assert.Equal([PageVersionState.Superseded, PageVersionState.Published], versions);
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/contact");
        Assert.Contains("Phone us from 9am to 5pm on weekdays.", page.QuerySelector("#page-body")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_or_taken_address_is_refused_at_the_field_and_what_was_typed_stays()
    {
        var author = await AuthorAsync();

        var bad = await author.SubmitFormAsync("/norfolk/manage/pages/new", Page("Our partners", "Our Partners!", "Who we work with."));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var form = await bad.ParseAsync();
        Assert.Equal("#Input_Slug", form.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("Our Partners!", form.QuerySelector("#Input_Slug")!.GetAttribute("value"));
        Assert.Equal("Who we work with.", form.QuerySelector("#Input_Body")!.TextContent);

        var taken = await author.SubmitFormAsync("/norfolk/manage/pages/new", Page("Another about", "about", "Who we are."));
        var takenForm = await taken.ParseAsync();
        Assert.Contains("Another page already has this address", takenForm.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.False(await factory.WithBoardAsync("norfolk", db => db.Set<BoardPage>().AnyAsync(p => p.Slug == "Our Partners!")));

        var noTitle = await author.SubmitFormAsync("/norfolk/manage/pages/new", Page("", "partners", ""));
        var errors = (await noTitle.ParseAsync()).QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_Title", "#Input_Body"], errors);
    }

    [Fact]
    public async Task A_practitioner_cannot_manage_pages()
    {
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var response = await practitioner.GetAsync("/norfolk/manage/pages/new");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var home = await practitioner.GetDocumentAsync("/norfolk");
        Assert.DoesNotContain(home.QuerySelectorAll("nav[aria-label=Menu] a"), a => a.TextContent.Trim() == "Site content");
    }
}
