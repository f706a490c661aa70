using System.Net;
using System.Text.Json.Nodes;
using LearningHub.Content.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Content;

/// <summary>
/// The home page made of blocks the board edits (introduction, featured learning, news, quick links), the news page,
/// and the recipe's content step: applied again it keeps what the board edited unless it says "overwriteEdits".
/// </summary>
public sealed class HomePageAndNewsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private async Task<HttpClient> AdminAsync(string board = "norfolk")
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(board, $"admin@{board}.demo");
        return admin;
    }

    private static Dictionary<string, string> News(string title, DateOnly date, string text, DateOnly? expires = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.Date.Day"] = date.Day.ToString(),
        ["Input.Date.Month"] = date.Month.ToString(),
        ["Input.Date.Year"] = date.Year.ToString(),
        ["Input.Text"] = text,
        ["Input.ExpiresOn.Day"] = expires?.Day.ToString() ?? "",
        ["Input.ExpiresOn.Month"] = expires?.Month.ToString() ?? "",
        ["Input.ExpiresOn.Year"] = expires?.Year.ToString() ?? "",
    };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_recipe_gives_each_board_an_about_page_in_its_menu_news_and_quick_links()
    {
        foreach (var board in new[] { "norfolk", "essex" })
        {
            var home = await factory.CreateBrowserClient().GetDocumentAsync($"/{board}");
            Assert.Contains(home.QuerySelectorAll("nav[aria-label=Menu] a"), a => a.GetAttribute("href") == $"/{board}/pages/about");
            Assert.True(home.QuerySelectorAll("#news article").Length >= 2);
            Assert.Contains(home.QuerySelectorAll("#quick-links a"), a => a.GetAttribute("href") == $"/{board}/events");
            Assert.NotNull(home.QuerySelector("#featured-modules"));
            var about = await factory.CreateBrowserClient().GetDocumentAsync($"/{board}/pages/about");
            Assert.Contains("the board's own framing", about.QuerySelector("#page-body")!.TextContent);
        }
    }

    [Fact]
    public async Task A_board_admin_changes_the_introduction_and_a_news_item_and_the_home_page_shows_them()
    {
        var admin = await AdminAsync();
        var saved = await admin.SubmitFormAsync("/norfolk/manage/home", new Dictionary<string, string>
        {
            ["Input.Introduction"] = "Welcome to **our** learning. <script>alert(1)</script>",
            ["Input.Modules"] = "Chosen",
            ["Input.ChosenModules"] = "case-y",
            ["Input.Events"] = "None",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var newsId = await factory.WithBoardAsync("norfolk", db => db.Set<NewsItem>().Where(n => n.RecipeKey == "spring-roadshow-announced").Select(n => n.Id).SingleAsync());
        var changed = await admin.SubmitFormAsync($"/norfolk/manage/news/{newsId}", News("Spring roadshow: places going fast", Today, "Book now."));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var home = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk");

        Assert.Equal("our", home.QuerySelector("#introduction strong")!.TextContent);
        Assert.Empty(home.QuerySelectorAll("#introduction script"));
        Assert.Equal(["Case Y"], home.QuerySelectorAll("#featured-modules ~ ul h3").Select(h => h.TextContent.Trim()));
        Assert.Null(home.QuerySelector("#featured-events"));
        Assert.Contains(home.QuerySelectorAll("#news h3"), h => h.TextContent == "Spring roadshow: places going fast");
    }

    [Fact]
    public async Task Expired_news_is_not_shown_and_a_news_form_with_mistakes_keeps_what_was_typed()
    {
        var admin = await AdminAsync("essex");
        var bad = await admin.SubmitFormAsync("/essex/manage/news/new", News("Old briefing", Today.AddDays(-10), "Gone.", Today.AddDays(-20)));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var form = await bad.ParseAsync();
        Assert.Equal("#Input_ExpiresOn", form.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("Old briefing", form.QuerySelector("#Input_Title")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/essex/manage/news/new", News("Old briefing", Today.AddDays(-10), "Gone.", Today.AddDays(-1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/essex/manage/news/new", News("New briefing", Today, "Here.", Today))).StatusCode);

        var news = await factory.CreateBrowserClient().GetDocumentAsync("/essex/news");
        var titles = news.QuerySelectorAll("main article h2").Select(h => h.TextContent).ToList();
        Assert.Contains("New briefing", titles);
        Assert.DoesNotContain("Old briefing", titles);
    }

    [Fact]
    public async Task A_quick_link_must_be_http_or_on_this_site()
    {
        var admin = await AdminAsync("essex");
        foreach (var url in new[] { "javascript:alert(1)", "//evil.example/x", "data:text/html,hi" })
        {
            var refused = await admin.SubmitFormAsync("/essex/manage/home/links", new Dictionary<string, string> { ["Input.Text"] = "Click", ["Input.Url"] = url });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var form = await refused.ParseAsync();
            Assert.Equal("#Input_Url", form.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
            Assert.Equal(url, form.QuerySelector("#Input_Url")!.GetAttribute("value"));
        }

        var added = await admin.SubmitFormAsync("/essex/manage/home/links", new Dictionary<string, string> { ["Input.Text"] = "Working Together", ["Input.Url"] = "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var home = await factory.CreateBrowserClient().GetDocumentAsync("/essex");
        Assert.Contains(home.QuerySelectorAll("#quick-links a"), a => a.TextContent == "Working Together");
        Assert.DoesNotContain(home.QuerySelectorAll("#quick-links a"), a => a.GetAttribute("href")!.Contains("script"));
    }

    [Fact]
    public async Task Applying_the_recipe_again_keeps_the_boards_edits_unless_it_says_to_overwrite_them()
    {
        var admin = await AdminAsync();
        var aboutId = await factory.WithBoardAsync("norfolk", db => db.Set<BoardPage>().Where(p => p.RecipeKey == "about").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/norfolk/manage/pages/{aboutId}", new Dictionary<string, string>
        {
            ["Input.Title"] = "About us",
            ["Input.Slug"] = "about",
            ["Input.Body"] = "Our own words.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/norfolk/manage/pages/{aboutId}/preview", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/norfolk/manage/home", new Dictionary<string, string>
        {
            ["Input.Introduction"] = "Our own introduction.",
            ["Input.Modules"] = "Latest",
            ["Input.Events"] = "Latest",
        })).StatusCode);
        var editedNews = await factory.WithBoardAsync("norfolk", db => db.Set<NewsItem>().Where(n => n.RecipeKey == "spring-roadshow-announced").Select(n => n.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/norfolk/manage/news/{editedNews}", News("Our own news", Today, "Our own text."))).StatusCode);

        // The recipe as shipped, with the unedited news item's text changed: that one follows the recipe.
        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "norfolk.recipe.json")))!;
        var content = recipe["steps"]!.AsArray().Single(s => (string?)s!["step"] == "content")!;
        content["news"]![1]!["text"] = "The recipe's new text.";
        var executor = factory.Services.GetRequiredService<RecipeExecutor>();
        await executor.ApplyAsync("norfolk.recipe.json", recipe.ToJsonString());

        var about = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/about");
        Assert.Equal("About us", about.QuerySelector("main h1")!.TextContent);
        var home = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk");
        Assert.Contains("Our own introduction.", home.QuerySelector("#introduction")!.TextContent);
        var news = await factory.WithBoardAsync("norfolk", db => db.Set<NewsItem>().AsNoTracking().Where(n => n.RecipeKey != null).ToDictionaryAsync(n => n.RecipeKey!, n => n.Text));
        Assert.Equal("Our own text.", news["spring-roadshow-announced"]);
        Assert.Equal("The recipe's new text.", news["case-a1-learning-event-announced"]);

        content["overwriteEdits"] = true;
        await executor.ApplyAsync("norfolk.recipe.json", recipe.ToJsonString());

        about = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/pages/about");
        Assert.Equal("About Norfolk Safeguarding Children Board", about.QuerySelector("main h1")!.TextContent);
        home = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk");
        Assert.DoesNotContain("Our own introduction.", home.QuerySelector("#introduction")!.TextContent);
        Assert.NotEqual("Our own text.", await factory.WithBoardAsync("norfolk", db => db.Set<NewsItem>().Where(n => n.RecipeKey == "spring-roadshow-announced").Select(n => n.Text).SingleAsync()));
        // The board's own version is kept in the page's history.
        Assert.Equal(3, await factory.WithBoardAsync("norfolk", db => db.Set<BoardPageVersion>().CountAsync(v => v.PageId == aboutId)));
    }

    [Fact]
    public async Task A_news_items_image_says_where_it_is_used_and_cannot_be_deleted()
    {
        var admin = await AdminAsync("essex");
        var imageId = await factory.WithBoardAsync("essex", db => db.Set<NewsItem>().Where(n => n.RecipeKey == "partnership-briefings-announced").Select(n => n.ImageId).SingleAsync());
        Assert.NotNull(imageId);

        var details = await admin.GetDocumentAsync($"/essex/manage/media/{imageId}");
        Assert.Contains("Image of the news item 'Partnership briefings: learning from the 2017 reviews'", details.QuerySelector("main")!.TextContent);

        var delete = await admin.SubmitFormAsync($"/essex/manage/media/{imageId}", new Dictionary<string, string>(), $"/essex/manage/media/{imageId}?handler=Delete");
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Contains("cannot be deleted", (await delete.ParseAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
    }
}
