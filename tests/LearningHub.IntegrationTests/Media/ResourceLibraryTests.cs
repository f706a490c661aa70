using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LearningHub.Core.Audit;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Media;

/// <summary>The media app with a small document limit (100,000 bytes), so an over-size upload is quick to make.</summary>
public sealed class ResourcesFactory : MediaFactory
{
    public const long Limit = 100_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Media:MaxResourceBytes"] = $"{Limit}" };
}

/// <summary>
/// The resources library: uploads checked by their first bytes (and, for Word and PowerPoint, the ZIP's parts) and
/// size, refused at the field with what was typed kept; a page per resource, a list by theme, downloads with the
/// proven content type as attachments; each board's library its own; the recipes' described briefings.
/// </summary>
public sealed class ResourceLibraryTests(ResourcesFactory factory) : IClassFixture<ResourcesFactory>
{
    private const string NewPage = "/norfolk/manage/resources/new";

    private static byte[] Pdf(int padding = 200) =>
        [.. "%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n"u8, .. Enumerable.Repeat((byte)' ', padding), .. "\n%%EOF\n"u8];

    /// <summary>An Office Open XML package with the given parts (a .docx has word/, a .pptx ppt/).</summary>
    private static byte[] Package(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts.Prepend("[Content_Types].xml"))
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open(), Encoding.UTF8);
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Docx() => Package("word/document.xml", "_rels/.rels");

    private static byte[] Pptx() => Package("ppt/presentation.xml", "_rels/.rels");

    private static Dictionary<string, string> Fields(string title, string theme = "")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Description"] = "What agencies learned, for team meetings.\n\nSecond paragraph.",
            ["Input.PublishedOn.Day"] = "1",
            ["Input.PublishedOn.Month"] = "7",
            ["Input.PublishedOn.Year"] = "2017",
        };
        if (theme.Length > 0)
        {
            fields["Input.ThemeIds"] = theme;
        }

        return fields;
    }

    private async Task<Guid> ThemeIdAsync(string board, string key) =>
        await factory.WithBoardAsync(board, db => db.LearningThemes.Where(t => t.Key == key).Select(t => t.Id).SingleAsync());

    private async Task<Guid> AddAsync(HttpClient author, string fileName, byte[] bytes, string title, string theme = "")
    {
        var response = await author.SubmitUploadAsync(NewPage, Fields(title, theme), ("Input.File", fileName, bytes));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{fileName}: {(int)response.StatusCode} {(await response.ParseAsync()).QuerySelector(".govuk-error-summary")?.TextContent}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
    }

    [Theory]
    [InlineData("briefing.pdf", "docx", "The selected file is not a PDF")]
    [InlineData("briefing.docx", "pdf", "The selected file is not a Word document")]
    [InlineData("briefing.docx", "pptx", "The selected file is not a Word document")]
    [InlineData("slides.pptx", "docx", "The selected file is not a PowerPoint presentation")]
    [InlineData("slides.pptx", "zip", "The selected file is not a PowerPoint presentation")]
    [InlineData("briefing.html", "pdf", "The selected file must be a PDF, Word document (.docx) or PowerPoint presentation (.pptx)")]
    public async Task A_file_whose_bytes_are_not_what_its_name_says_is_refused_at_the_field_and_what_was_typed_stays(string fileName, string bytes, string message)
    {
        var author = await factory.AuthorAsync();
        var theme = await ThemeIdAsync("norfolk", "professional-curiosity");
        var content = bytes switch
        {
            "pdf" => Pdf(),
            "docx" => Docx(),
            "pptx" => Pptx(),
            _ => Package("content.xml"),
        };
        var title = $"Refused {fileName} {bytes}";

        var response = await author.SubmitUploadAsync(NewPage, Fields(title, theme.ToString()), ("Input.File", fileName, content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("#Input_File", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains(message, page.QuerySelector("#Input_File-error")!.TextContent);
        Assert.Equal(title, page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Contains("Second paragraph.", page.QuerySelector("#Input_Description")!.TextContent);
        Assert.Equal("2017", page.QuerySelector("#Input_PublishedOn_Year, [name='Input.PublishedOn.Year']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"input[name='Input.ThemeIds'][value='{theme}'][checked]"));
        Assert.False(await factory.WithBoardAsync("norfolk", db => db.Set<Resource>().AnyAsync(r => r.Title == title)));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_at_the_field_and_what_was_typed_stays()
    {
        var author = await factory.AuthorAsync();

        var response = await author.SubmitUploadAsync(NewPage, Fields("Too large"), ("Input.File", "large.pdf", Pdf((int)ResourcesFactory.Limit)));

        var page = await response.ParseAsync();
        Assert.Equal("#Input_File", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains(MediaMessages.TooLarge(ResourcesFactory.Limit), page.QuerySelector("#Input_File-error")!.TextContent);
        Assert.Equal("Too large", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.False(await factory.WithBoardAsync("norfolk", db => db.Set<Resource>().AnyAsync(r => r.Title == "Too large")));

        // No file at all, and no title: both at their fields.
        var empty = await (await author.SubmitUploadAsync(NewPage, Fields(""), null)).ParseAsync();
        var links = empty.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_File", "#Input_Title"], links);
    }

    [Fact]
    public async Task A_document_has_a_page_with_its_date_size_and_themes_is_listed_by_theme_and_downloads_as_an_attachment_of_its_type()
    {
        var author = await factory.AuthorAsync();
        var theme = await ThemeIdAsync("norfolk", "professional-curiosity");
        var docx = Docx();
        var id = await AddAsync(author, "seven-minute-guide.docx", docx, "Seven-minute guide: professional curiosity", theme.ToString());
        var pdf = await AddAsync(author, "briefing.pdf", Pdf(), "A briefing about another theme");

        var visitor = factory.CreateBrowserClient();
        var page = await visitor.GetDocumentAsync($"/norfolk/resources/{id}");
        Assert.Equal("Seven-minute guide: professional curiosity", page.QuerySelector("h1")!.TextContent);
        var summary = page.QuerySelector("main .govuk-summary-list")!.TextContent;
        Assert.Contains("July 2017", summary);
        Assert.Contains("Professional Curiosity", summary);
        Assert.Contains($"Word document, {Math.Ceiling(docx.Length / 1024.0)} KB", summary);

        var listed = await visitor.GetDocumentAsync("/norfolk/resources?theme=professional-curiosity");
        var titles = listed.QuerySelectorAll("main h2 a").Select(a => a.TextContent).ToList();
        Assert.Contains("Seven-minute guide: professional curiosity", titles);
        Assert.DoesNotContain("A briefing about another theme", titles);
        Assert.Contains("A briefing about another theme",
            (await visitor.GetDocumentAsync("/norfolk/resources")).QuerySelectorAll("main h2 a").Select(a => a.TextContent));

        var download = await visitor.GetAsync(page.QuerySelector("main a.govuk-button")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("seven-minute-guide.docx", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", (await visitor.GetAsync($"/norfolk/resources/{pdf}/download")).Content.Headers.ContentType!.MediaType);

        var entry = await factory.WithBoardAsync("norfolk", db => db.Set<AuditEntry>().SingleAsync(e => e.Action == "media.resource.added" && e.TargetId == id.ToString()));
        Assert.Contains("\"kind\":\"Word\"", entry.ChangesJson);

        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync(NewPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync($"/norfolk/manage/resources/{id}/edit")).StatusCode);
    }

    [Fact]
    public async Task An_author_changes_a_resource_on_its_page_replaces_its_document_and_deletes_it()
    {
        var author = await factory.AuthorAsync();
        var id = await AddAsync(author, "guide.pdf", Pdf(), "A guide to change");
        var edit = $"/norfolk/manage/resources/{id}/edit";
        Assert.Equal("A guide to change", (await author.GetDocumentAsync(edit)).QuerySelector("#Input_Title")!.GetAttribute("value"));

        var refused = await (await author.SubmitUploadAsync(edit, Fields("A changed title"), ("Input.File", "guide.pptx", Docx()))).ParseAsync();
        Assert.Contains("is not a PowerPoint presentation", refused.QuerySelector("#Input_File-error")!.TextContent);
        Assert.Equal("A changed title", refused.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("A guide to change", await factory.WithBoardAsync("norfolk", db => db.Set<Resource>().Where(r => r.Id == id).Select(r => r.Title).SingleAsync()));

        var pptx = Pptx();
        var saved = await author.SubmitUploadAsync(edit, Fields("A changed title"), ("Input.File", "guide.pptx", pptx));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = await factory.WithBoardAsync("norfolk", db => db.Set<Resource>().AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(("A changed title", ResourceKind.PowerPoint, (long)pptx.Length), (changed.Title, changed.Kind!.Value, changed.ByteSize));
        Assert.NotNull(changed.EditedSinceRecipeUtc);
        Assert.Equal(pptx, await factory.CreateBrowserClient().GetByteArrayAsync($"/norfolk/resources/{id}/download"));
        Assert.True(await factory.WithBoardAsync("norfolk", db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "media.resource.updated" && e.TargetId == id.ToString())));

        var deleted = await author.SubmitFormAsync($"/norfolk/manage/resources/{id}/delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/norfolk/resources/{id}")).StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.MediaFolder("norfolk"), "resources", $"{changed.ContentHash}.pptx")));
    }

    [Fact]
    public async Task Essex_cannot_see_download_change_or_delete_Norfolks_resources()
    {
        var id = await AddAsync(await factory.AuthorAsync(), "norfolk-only.pdf", Pdf(), "Norfolk only");
        var essexAuthor = await factory.AuthorAsync("essex");

        Assert.Equal(HttpStatusCode.NotFound, (await essexAuthor.GetAsync($"/essex/resources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await essexAuthor.GetAsync($"/essex/resources/{id}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await essexAuthor.GetAsync($"/essex/manage/resources/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await essexAuthor.GetAsync($"/essex/manage/resources/{id}/delete")).StatusCode);
        var refused = await essexAuthor.SubmitFormAsync("/essex/manage/resources/new", new Dictionary<string, string>(), $"/essex/manage/resources/{id}/delete");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Norfolk only", (await essexAuthor.GetDocumentAsync("/essex/resources")).QuerySelector("main")!.TextContent);
        Assert.True(await factory.WithBoardAsync("norfolk", db => db.Set<Resource>().AnyAsync(r => r.Id == id)));
    }

    [Fact]
    public async Task The_recipes_describe_the_seed_briefings_with_links_to_their_modules_and_applying_again_keeps_the_boards_edits()
    {
        var visitor = factory.CreateBrowserClient();
        var norfolk = (await visitor.GetDocumentAsync("/norfolk/resources")).QuerySelectorAll("main h2 a").Select(a => a.TextContent).ToList();
        Assert.Contains("Serious Case Review: Child V (full report)", norfolk);
        Assert.Contains("Learning from Serious Case Reviews: Case A1 (slides)", norfolk);

        var essex = await factory.WithBoardAsync("essex", db => db.Set<Resource>().AsNoTracking().SingleAsync(r => r.RecipeKey == "practice-learning-briefing-2017"));
        Assert.Null(essex.Kind);
        var page = await visitor.GetDocumentAsync($"/essex/resources/{essex.Id}");
        Assert.Null(page.QuerySelector("main a.govuk-button"));
        var moduleLink = page.QuerySelector("main a[href='/essex/modules/practice-learning-briefing-2017']")!;
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(moduleLink.GetAttribute("href"))).StatusCode);
        Assert.Contains("July 2017", page.QuerySelector("main .govuk-summary-list")!.TextContent);

        await factory.WithBoardServicesAsync("essex", services => services.GetRequiredService<ResourceLibrary>().UpdateAsync(essex.Id,
            new ResourceDetails("The 2017 briefing, as the board calls it", essex.Description, essex.PublishedOn, [], essex.LinkPath), null));
        var executor = factory.Services.GetRequiredService<RecipeExecutor>();
        var path = Path.Combine(AppContext.BaseDirectory, "recipes", "essex.recipe.json");
        await executor.ApplyFileAsync(path);
        Assert.Equal("The 2017 briefing, as the board calls it",
            await factory.WithBoardAsync("essex", db => db.Set<Resource>().Where(r => r.Id == essex.Id).Select(r => r.Title).SingleAsync()));

        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        recipe["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["step"] == "resources")["overwriteEdits"] = true;
        await executor.ApplyAsync("essex.recipe.json", recipe.ToJsonString());
        var restored = await factory.WithBoardAsync("essex", db => db.Set<Resource>().AsNoTracking().Include(r => r.Themes).SingleAsync(r => r.Id == essex.Id));
        Assert.Equal("Practice Learning Briefing, July 2017", restored.Title);
        Assert.Equal(6, restored.Themes.Count);
        Assert.Null(restored.EditedSinceRecipeUtc);
    }
}
