using System.Security.Cryptography;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Media.Documents;
using LearningHub.Media.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningHub.Media.Services;

/// <summary>What a resource says about itself, as typed on its page or given by a recipe.</summary>
public sealed record ResourceDetails(string Title, string Description, DateOnly? PublishedOn, IReadOnlyCollection<Guid> ThemeIds, string? LinkPath);

/// <summary>A document that passed the checks: its kind from its bytes and its hash, which names its file.</summary>
public sealed record CheckedDocument(UploadedFile File, ResourceKind Kind, string Hash);

/// <summary>
/// The board's resources library: documents (PDF, Word, PowerPoint) checked by their bytes and size before anything is
/// stored, kept like media under the board's folder and named by their hash. Acts for the current board only: the
/// board filter makes another board's resource not found.
/// </summary>
public sealed class ResourceLibrary(
    LearningHubDbContext db,
    BoardContext boards,
    MediaFileStore files,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    AuditLog audit)
{
    public MediaOptions Options => options.Value;

    /// <summary>The library, newest first, optionally only the resources about one theme.</summary>
    public async Task<IReadOnlyList<Resource>> ListAsync(Guid? themeId = null, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Resource>().AsNoTracking().Include(r => r.Themes).AsQueryable();
        if (themeId is { } theme)
        {
            query = query.Where(r => r.Themes.Any(t => t.ThemeId == theme));
        }

        return await query.OrderByDescending(r => r.PublishedOn).ThenBy(r => r.Title).ToListAsync(cancellationToken);
    }

    public Task<Resource?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<Resource>().AsNoTracking().Include(r => r.Themes).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The stored file of a resource that has one.</summary>
    public string FilePath(Resource resource) =>
        files.ResourcePath(boards.Required.Slug, resource.ContentHash!, DocumentSniffer.Extension(resource.Kind!.Value));

    /// <summary>
    /// The checks, cheapest first: something was chosen, it is within the size limit, its name is a kind the library
    /// takes, and its bytes are that kind. The document, or the message to show at the file field.
    /// </summary>
    public (CheckedDocument? Document, string? Error) Check(UploadedFile file)
    {
        if (file.Bytes.Length == 0)
        {
            return (null, MediaMessages.NoDocument);
        }

        if (file.Bytes.Length > Options.MaxResourceBytes)
        {
            return (null, MediaMessages.TooLarge(Options.MaxResourceBytes));
        }

        if (DocumentSniffer.KindFromName(file.FileName) is not { } named)
        {
            return (null, MediaMessages.NotADocumentName);
        }

        if (DocumentSniffer.Sniff(file.Bytes) != named)
        {
            return (null, MediaMessages.NotWhatItsNameSays(DocumentSniffer.DisplayName(named)));
        }

        return (new CheckedDocument(file, named, Convert.ToHexStringLower(SHA256.HashData(file.Bytes))), null);
    }

    /// <summary>Adds a resource (with its checked document, if any) and its audit entry; the file is written before the row.</summary>
    public async Task<Resource> CreateAsync(ResourceDetails details, CheckedDocument? document, MediaActor actor, string? recipeKey = null,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var resource = new Resource
        {
            Title = details.Title,
            Description = details.Description,
            CreatedByName = actor.Name,
            CreatedUtc = now,
            UpdatedUtc = now,
            RecipeKey = recipeKey,
        };
        Apply(resource, details with { ThemeIds = await BoardThemesAsync(details.ThemeIds, cancellationToken) });
        db.Add(resource);
        audit.Record("media.resource.added", Target(resource), new { resource.Title, kind = document?.Kind.ToString(), size = document?.File.Bytes.Length },
            new AuditActor(actor.UserId, actor.Name));
        await SaveWithFileAsync(resource, document, cancellationToken);
        return resource;
    }

    /// <summary>
    /// Changes a resource's details (and its document, when a new one is given), marking it as the board's edit so a
    /// recipe applied again leaves it alone. False when the board has no such resource.
    /// </summary>
    public async Task<bool> UpdateAsync(Guid id, ResourceDetails details, CheckedDocument? document, CancellationToken cancellationToken = default)
    {
        var resource = await db.Set<Resource>().Include(r => r.Themes).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null)
        {
            return false;
        }

        var before = new { resource.Title, resource.Description, resource.PublishedOn, resource.LinkPath, resource.ContentHash };
        var oldFile = document is not null && resource.ContentHash is not null && resource.ContentHash != document.Hash ? FilePath(resource) : null;
        var oldHash = resource.ContentHash;
        Apply(resource, details with { ThemeIds = await BoardThemesAsync(details.ThemeIds, cancellationToken) });
        resource.EditedSinceRecipeUtc = resource.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record("media.resource.updated", Target(resource), new
        {
            before,
            after = new { resource.Title, resource.Description, resource.PublishedOn, resource.LinkPath, ContentHash = document?.Hash ?? resource.ContentHash },
        });
        await SaveWithFileAsync(resource, document, cancellationToken);
        if (oldFile is not null && !await db.Set<Resource>().AnyAsync(r => r.ContentHash == oldHash, cancellationToken))
        {
            files.Delete([oldFile]);
        }

        return true;
    }

    /// <summary>The ids that are themes of the current board (the board filter drops another board's).</summary>
    public async Task<IReadOnlyCollection<Guid>> BoardThemesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0 ? [] : await db.LearningThemes.Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var resource = await db.Set<Resource>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null)
        {
            return false;
        }

        db.Remove(resource);
        audit.Record("media.resource.deleted", Target(resource), new { resource.Title });
        await db.SaveChangesAsync(cancellationToken);
        // Another resource (or the same document uploaded twice) may share the file: remove it only when none does.
        if (resource.ContentHash is { } hash && !await db.Set<Resource>().AnyAsync(r => r.ContentHash == hash, cancellationToken))
        {
            files.Delete([FilePath(resource)]);
        }

        return true;
    }

    /// <summary>The details, and the theme list made to match them (<see cref="BoardThemesAsync"/> has kept the board's own).</summary>
    internal void Apply(Resource resource, ResourceDetails details)
    {
        resource.Title = details.Title;
        resource.Description = details.Description;
        resource.PublishedOn = details.PublishedOn;
        resource.LinkPath = details.LinkPath;
        resource.Themes.RemoveAll(t => !details.ThemeIds.Contains(t.ThemeId));
        var tracked = db.Entry(resource).State is not EntityState.Detached;
        foreach (var themeId in details.ThemeIds.Where(id => resource.Themes.All(t => t.ThemeId != id)))
        {
            var theme = new ResourceTheme { ResourceId = resource.Id, ThemeId = themeId };
            resource.Themes.Add(theme);
            if (tracked)
            {
                // Said outright: found through the navigation, a row with its key already set would be taken for an existing one.
                db.Add(theme);
            }
        }
    }

    /// <summary>The document's file first, then the row; the file is named by its hash, so writing it again is harmless.</summary>
    internal async Task SaveWithFileAsync(Resource resource, CheckedDocument? document, CancellationToken cancellationToken)
    {
        if (document is not null)
        {
            resource.Kind = document.Kind;
            resource.ContentHash = document.Hash;
            resource.ByteSize = document.File.Bytes.Length;
            resource.FileName = CleanName(document.File.FileName);
            await files.WriteResourceAsync(boards.Required.Slug, document.Hash, DocumentSniffer.Extension(document.Kind), document.File.Bytes, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string CleanName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        return name.Length <= 255 ? name : name[^255..];
    }

    private static AuditTarget Target(Resource resource) => new("Resource", resource.Id.ToString(), resource.Title);
}
