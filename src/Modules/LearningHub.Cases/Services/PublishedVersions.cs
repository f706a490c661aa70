using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace LearningHub.Cases.Services;

/// <summary>A published version's content as practitioners' pages show it: the whole version and its rendered support text.</summary>
public sealed record PublishedContent(CaseModuleVersion Version, IHtmlContent SupportSignposting);

/// <summary>
/// Published versions' content, loaded (the version with its sections, chronology, findings,
/// recommendations, themes and topics) and rendered once per version and shared by every request, so
/// the module, section and review pages load per request only what is the person's own. A published
/// version's content does not change: authors publish a new version, and a recipe that puts new content
/// in place of a version nobody started changes its source hash, which is part of the key. Holds at most
/// <see cref="Capacity"/> versions; the least used go first. Shared objects: read them, never change them.
/// </summary>
public sealed class PublishedVersions : IDisposable
{
    public const int Capacity = 256;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public async Task<PublishedContent?> GetAsync(LearningHubDbContext db, Guid versionId, string? sourceHash, CancellationToken cancellationToken)
    {
        var key = (versionId, sourceHash);
        if (_cache.TryGetValue(key, out PublishedContent? content) && content is not null)
        {
            return content;
        }

        var version = await CaseVersions.LoadAsync(db, versionId, tracking: false, cancellationToken);
        if (version is null)
        {
            return null;
        }

        content = Render(version);
        _cache.Set(key, content, new MemoryCacheEntryOptions { Size = 1 });
        return content;
    }

    /// <summary>The content of any version (an author's working copy too), rendered now and not kept.</summary>
    public static PublishedContent Render(CaseModuleVersion version) =>
        new(version, new HtmlString(CaseMarkdown.ToHtml(version.SupportSignposting)));

    public void Dispose() => _cache.Dispose();
}
