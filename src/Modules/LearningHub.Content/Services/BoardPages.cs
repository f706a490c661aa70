using System.Text.RegularExpressions;
using LearningHub.Content.Domain;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Content.Services;

/// <summary>What an author types for a page: the page's address and its version's words.</summary>
public sealed record PageWords(string Slug, string Title, string? Summary, string Body);

/// <summary>
/// A board's pages: create (a first draft), save the draft, publish it (the published version before it is kept as
/// superseded), withdraw it from the site, and place published pages in the menu. Every change is audited with the change it records and
/// marks the page as edited by the board, so a recipe applied again leaves it alone. Queries are the current
/// board's (the board filter), so another board's page is never found.
/// </summary>
public sealed partial class BoardPages(LearningHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string SlugTaken = "Another page already has this address: choose a different one";

    public const string SlugFormat = "Enter an address of lowercase letters and numbers, with hyphens between words, like about-us";

    public static bool IsValidSlug(string? slug) => slug is not null && slug.Length <= 100 && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    public Task<List<BoardPage>> AllAsync(CancellationToken cancellationToken) =>
        db.Set<BoardPage>().AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Slug).ToListAsync(cancellationToken);

    public Task<BoardPage?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<BoardPage>().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>The published version of the page at <paramref name="slug"/>, or null.</summary>
    public async Task<BoardPageVersion?> PublishedAsync(string slug, CancellationToken cancellationToken)
    {
        var versionId = await db.Set<BoardPage>().Where(p => p.Slug == slug).Select(p => p.PublishedVersionId).SingleOrDefaultAsync(cancellationToken);
        return versionId is null ? null : await db.Set<BoardPageVersion>().AsNoTracking().SingleAsync(v => v.Id == versionId, cancellationToken);
    }

    /// <summary>
    /// Whether another page has the address, or has a draft waiting to move to it: so publishing a draft never finds
    /// its address taken.
    /// </summary>
    public Task<bool> SlugTakenAsync(string slug, Guid? exceptPageId, CancellationToken cancellationToken) =>
        db.Set<BoardPage>().AnyAsync(p => p.Id != exceptPageId
            && (p.Slug == slug || p.Versions.Any(v => v.Id == p.DraftVersionId && v.Slug == slug)), cancellationToken);

    public async Task<BoardPage> CreateAsync(PageWords words, string editor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var page = new BoardPage { Slug = words.Slug, CreatedUtc = now, EditedSinceRecipeUtc = now };
        var draft = NewVersion(page, 1, words, editor, now);
        page.Versions.Add(draft);
        page.DraftVersionId = draft.Id;
        db.Add(page);
        audit.Record("content.page.created", Target(page, words.Title), new { words.Slug, words.Title });
        await db.SaveChangesAsync(cancellationToken);
        return page;
    }

    /// <summary>The draft to edit: the page's draft, or a new one copied from the published version.</summary>
    public static BoardPageVersion Current(BoardPage page) =>
        page.Versions.SingleOrDefault(v => v.Id == page.DraftVersionId)
        ?? page.Versions.Single(v => v.Id == page.PublishedVersionId);

    /// <summary>
    /// Saves the words and address as the page's draft (starting a new version when the page has none). A page never
    /// published takes the address at once; a published one moves when the draft is published.
    /// </summary>
    public async Task SaveDraftAsync(BoardPage page, PageWords words, string editor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = page.Versions.SingleOrDefault(v => v.Id == page.DraftVersionId);
        var oldSlug = draft?.Slug ?? page.Slug;
        if (draft is null)
        {
            draft = NewVersion(page, page.Versions.Max(v => v.Number) + 1, words, editor, now);
            // Added through the set, not the loaded collection: EF would otherwise take the new key for an existing row.
            db.Add(draft);
            page.DraftVersionId = draft.Id;
        }
        else
        {
            draft.Title = words.Title;
            draft.Slug = words.Slug;
            draft.Summary = words.Summary;
            draft.Body = words.Body;
            draft.EditedByName = editor;
        }

        // A published page keeps its address until the draft is published: readers' links work until then.
        if (page.PublishedVersionId is null)
        {
            page.Slug = words.Slug;
        }

        page.EditedSinceRecipeUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record("content.page.draft-saved", Target(page, words.Title),
            new { Version = draft.Number, Slug = oldSlug == words.Slug ? null : new { From = oldSlug, To = words.Slug }, words.Title });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Publishes the page's draft; the version it replaces is kept, superseded.</summary>
    public async Task PublishAsync(BoardPage page, string editor, CancellationToken cancellationToken)
    {
        var draft = page.Versions.Single(v => v.Id == page.DraftVersionId);
        Publish(page, draft, clock.GetUtcNow().UtcDateTime);
        page.EditedSinceRecipeUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record("content.page.published", Target(page, draft.Title), new { Version = draft.Number, PublishedBy = editor });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the page off the site: readers get "page not found" and it leaves the menu. Its versions are kept, and
    /// its words stay as a draft (a new one when it had none), so it can be published again from the preview.
    /// </summary>
    public async Task WithdrawAsync(BoardPage page, string editor, CancellationToken cancellationToken)
    {
        var published = page.Versions.Single(v => v.Id == page.PublishedVersionId);
        var now = clock.GetUtcNow().UtcDateTime;
        published.State = PageVersionState.Superseded;
        page.PublishedVersionId = null;
        var leftMenu = page.MenuPosition is not null;
        page.MenuPosition = null;
        if (page.DraftVersionId is null)
        {
            var draft = NewVersion(page, page.Versions.Max(v => v.Number) + 1,
                new PageWords(page.Slug, published.Title, published.Summary, published.Body), editor, now);
            // Added through the set, not the loaded collection (as in SaveDraftAsync).
            db.Add(draft);
            page.DraftVersionId = draft.Id;
        }

        page.EditedSinceRecipeUtc = now;
        audit.Record("content.page.withdrawn", Target(page, published.Title), new { Version = published.Number, LeftMenu = leftMenu, WithdrawnBy = editor });
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void Publish(BoardPage page, BoardPageVersion version, DateTime now)
    {
        foreach (var earlier in page.Versions.Where(v => v.State == PageVersionState.Published && v.Id != version.Id))
        {
            earlier.State = PageVersionState.Superseded;
        }

        version.State = PageVersionState.Published;
        version.PublishedUtc = now;
        page.PublishedVersionId = version.Id;
        page.Slug = version.Slug;
        page.DraftVersionId = null;
    }

    internal static BoardPageVersion NewVersion(BoardPage page, int number, PageWords words, string editor, DateTime now) => new()
    {
        PageId = page.Id,
        Number = number,
        State = PageVersionState.Draft,
        Title = words.Title,
        Slug = words.Slug,
        Summary = words.Summary,
        Body = words.Body,
        CreatedUtc = now,
        EditedByName = editor,
    };

    /// <summary>Sets each published page's menu position (null: not in the menu); unknown ids are ignored.</summary>
    public async Task SetMenuAsync(IReadOnlyDictionary<Guid, int?> positions, CancellationToken cancellationToken)
    {
        var pages = await db.Set<BoardPage>().Where(p => p.PublishedVersionId != null).ToListAsync(cancellationToken);
        var changes = new List<object>();
        foreach (var page in pages)
        {
            var position = positions.GetValueOrDefault(page.Id);
            if (page.MenuPosition != position)
            {
                changes.Add(new { page.Slug, From = page.MenuPosition, To = position });
                page.MenuPosition = position;
                page.EditedSinceRecipeUtc = clock.GetUtcNow().UtcDateTime;
            }
        }

        if (changes.Count > 0)
        {
            audit.Record("content.menu.changed", new AuditTarget("Menu", "menu", "The board's menu"), new { Pages = changes });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static AuditTarget Target(BoardPage page, string title) => new("BoardPage", page.Id.ToString(), title);
}
