using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Markdown;
using LearningHub.Core.Recipes;
using LearningHub.Core.Time;
using LearningHub.Media.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Content.Recipes;

/// <summary>
/// <c>{ "step": "content", "overwriteEdits": false,
///   "pages": [ { "key": "about", "slug": "about", "title": "...", "summary": "...", "body": "Markdown", "menuPosition": 1 } ],
///   "home": { "introduction": "Markdown", "modules": "latest|chosen|none", "chosenModules": ["child-q"], "events": "latest|chosen|none",
///             "quickLinks": [ { "text": "...", "url": "/norfolk/events" } ] },
///   "news": [ { "key": "...", "title": "...", "daysAgo": 3, "text": "Markdown", "expiresInDays": 90, "image": "media:pattern-rings" } ] }</c>:
/// the board's own pages (published, placed in the menu when <c>menuPosition</c> is given), its home page blocks and its
/// news. Applying again changes nothing that is already so, and never overwrites what the board has edited since
/// (a page, the home page, a news item) unless the step says <c>"overwriteEdits": true</c>
/// (<see cref="RecipeEdits"/>, the one rule board settings and resources follow too). A news item's date and
/// expiry are counted from the day it is first created, and kept when the recipe is applied again on a later day.
/// </summary>
public sealed class ContentStep : IRecipeStepHandler
{
    public string StepName => "content";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var item in step.Objects("pages"))
        {
            await PageAsync(context, item, now, cancellationToken);
        }

        if (step.OptionalObject("home") is { } home)
        {
            await HomeAsync(context, home, now, cancellationToken);
        }

        var images = await MediaRecipeKeys.LoadAsync(context, cancellationToken);
        foreach (var item in step.Objects("news"))
        {
            await NewsAsync(context, item, images, now, cancellationToken);
        }
    }

    private static string Markdown(RecipeElement item, string field, int maxLength, bool required)
    {
        var text = required ? item.String(field, maxLength) : item.OptionalString(field, maxLength) ?? "";
        return SafeMarkdown.NestingError(text) is { } error ? throw item.Fail(field, error + ".") : text;
    }

    private static async Task PageAsync(RecipeStepContext context, RecipeElement item, DateTime now, CancellationToken cancellationToken)
    {
        var key = item.Key(example: "about-the-board");
        var slug = item.Key("slug", 100, "about");
        var words = new PageWords(slug, item.String("title"), item.OptionalString("summary", 600), Markdown(item, "body", 50000, true));
        var menuPosition = item.OptionalInt("menuPosition", 1, 100);
        var pages = context.Db.Set<BoardPage>();
        var page = await pages.Include(p => p.Versions).SingleOrDefaultAsync(p => p.RecipeKey == key, cancellationToken);
        if (await pages.AnyAsync(p => p.Slug == slug && p.RecipeKey != key, cancellationToken))
        {
            throw item.Fail("slug", $"'{slug}' is already the address of another of the board's pages.");
        }

        if (page is null)
        {
            page = new BoardPage { Slug = slug, RecipeKey = key, CreatedUtc = now, MenuPosition = menuPosition };
            var first = BoardPages.NewVersion(page, 1, words, "Recipe", now);
            page.Versions.Add(first);
            BoardPages.Publish(page, first, now);
            context.Db.Add(page);
            return;
        }

        if (!RecipeEdits.MayWrite(page, context.Step))
        {
            return;
        }

        page.Slug = slug;
        page.MenuPosition = menuPosition;
        RecipeEdits.Written(page);
        var published = page.Versions.SingleOrDefault(v => v.Id == page.PublishedVersionId);
        if (published is not null && published.Slug == words.Slug && published.Title == words.Title && published.Summary == words.Summary && published.Body == words.Body
            && page.DraftVersionId is null)
        {
            return;
        }

        // The recipe's words win (the board asked for it): a draft being written is dropped, and the recipe's
        // version is published after the ones before, which stay as they were.
        if (page.Versions.SingleOrDefault(v => v.Id == page.DraftVersionId) is { } draft)
        {
            page.DraftVersionId = null;
            page.Versions.Remove(draft);
            context.Db.Remove(draft);
        }

        var version = BoardPages.NewVersion(page, page.Versions.Select(v => v.Number).DefaultIfEmpty(0).Max() + 1, words, "Recipe", now);
        context.Db.Add(version);
        page.Versions.Add(version);
        BoardPages.Publish(page, version, now);
    }

    private static FeatureChoice Choice(RecipeElement home, string field) =>
        home.Has(field) ? home.Enum<FeatureChoice>(field) : FeatureChoice.Latest;

    private static async Task HomeAsync(RecipeStepContext context, RecipeElement home, DateTime now, CancellationToken cancellationToken)
    {
        var blocks = await context.Db.Set<HomePageBlocks>().SingleOrDefaultAsync(cancellationToken);
        if (blocks is not null && !RecipeEdits.MayWrite(blocks, context.Step))
        {
            return;
        }

        var links = new List<QuickLink>();
        foreach (var link in home.Objects("quickLinks"))
        {
            var url = link.String("url", 500);
            if (!QuickLink.IsAllowedUrl(url))
            {
                throw link.Fail("url", $"'{url}' must be an http or https address, or one on this site starting with '/'.");
            }

            links.Add(new QuickLink { Text = link.String("text", 100), Url = url, Position = links.Count + 1 });
        }

        if (blocks is null)
        {
            blocks = new HomePageBlocks();
            context.Db.Add(blocks);
        }

        var introduction = Markdown(home, "introduction", 5000, false);
        var modules = Choice(home, "modules");
        var chosenModules = string.Join('\n', home.Strings("chosenModules"));
        var events = Choice(home, "events");
        if (blocks.Introduction != introduction || blocks.Modules != modules || blocks.ChosenModules != chosenModules || blocks.Events != events
            || blocks.EditedSinceRecipeUtc is not null)
        {
            blocks.Introduction = introduction;
            blocks.Modules = modules;
            blocks.ChosenModules = chosenModules;
            blocks.Events = events;
            RecipeEdits.Written(blocks);
            blocks.UpdatedUtc = now;
        }

        var existing = await context.Db.Set<QuickLink>().OrderBy(l => l.Position).ToListAsync(cancellationToken);
        if (!existing.Select(l => (l.Text, l.Url)).SequenceEqual(links.Select(l => (l.Text, l.Url))))
        {
            context.Db.RemoveRange(existing);
            context.Db.AddRange(links);
        }
    }

    private static async Task NewsAsync(RecipeStepContext context, RecipeElement item, MediaRecipeKeys images, DateTime now, CancellationToken cancellationToken)
    {
        var key = item.Key(example: "spring-roadshow-announced");
        var title = item.String("title");
        var text = Markdown(item, "text", 5000, true);
        var daysAgo = item.OptionalInt("daysAgo", 0, 3650) ?? 0;
        var expiresInDays = item.OptionalInt("expiresInDays", 0, 3650);
        var imageId = images.Read(item, "image");
        var news = await context.Db.Set<NewsItem>().SingleOrDefaultAsync(n => n.RecipeKey == key, cancellationToken);
        var today = DateOnly.FromDateTime(LondonTime.ToLondon(now));
        if (news is null)
        {
            news = new NewsItem { RecipeKey = key, CreatedUtc = now };
            BoardNews.Apply(news, new NewsWords(title, today.AddDays(-daysAgo), text, expiresInDays is { } days ? today.AddDays(days) : null), now);
            news.ImageId = imageId;
            context.Db.Add(news);
            return;
        }

        if (!RecipeEdits.MayWrite(news, context.Step))
        {
            return;
        }

        if (news.Title != title || news.Text != text || news.ImageId != imageId || news.EditedSinceRecipeUtc is not null)
        {
            BoardNews.Apply(news, new NewsWords(title, news.Date, text, news.ExpiresOn), now);
            news.ImageId = imageId;
            RecipeEdits.Written(news);
        }
    }
}
