using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using LearningHub.Media.Services;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LearningHub.Cases.Services;

/// <summary>One page of the catalogue as the catalogue page shows it: the modules and their cover images.</summary>
public sealed record CatalogueListing(CataloguePage Results, IReadOnlyDictionary<Guid, MediaImage> Covers);

/// <summary>
/// The catalogue's pages for browsing (no search words: all modules, or those of a theme, topic or review type),
/// kept in memory because they are the same for everyone and the signed-in catalogue is not output-cached: the
/// count, the page's modules and their covers were three queries on every request. Kept under the board's
/// public-page version (<see cref="PublicPageCache"/>), which any save of the board's content moves on (a module
/// published or withdrawn, a cover or theme changed), so a change shows at once on this node and on another when
/// its copy expires (<see cref="LearningHubOptions.PublicPageCacheTime"/>). A search is always run: its words are
/// the visitor's, and remembering each would let anyone fill the memory.
/// </summary>
public sealed class CatalogueListings(CaseCatalogue catalogue, MediaLibrary library, IMemoryCache cache, BoardContext boards,
    PublicPageCache publicPages, IOptions<LearningHubOptions> options)
{
    public async Task<CatalogueListing> ListAsync(CatalogueFilter filter, IReadOnlyList<TermChoice> themes, IReadOnlyList<TermChoice> topics,
        int page, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            return await ReadAsync(filter, themes, topics, page, cancellationToken);
        }

        var board = boards.Required.Id;
        var key = ("cases.catalogue", board, publicPages.VersionOf(board), filter, page);
        if (cache.TryGetValue(key, out CatalogueListing? remembered) && remembered is not null)
        {
            return remembered;
        }

        var listing = await ReadAsync(filter, themes, topics, page, cancellationToken);
        // Only pages that exist: any other number shows the last page and is not worth a copy of its own.
        if (listing.Results.Page == page)
        {
            cache.Set(key, listing, options.Value.PublicPageCacheTime);
        }

        return listing;
    }

    private async Task<CatalogueListing> ReadAsync(CatalogueFilter filter, IReadOnlyList<TermChoice> themes, IReadOnlyList<TermChoice> topics,
        int page, CancellationToken cancellationToken)
    {
        var results = await catalogue.SearchAsync(filter, themes, topics, page, cancellationToken);
        // The page's cover images in one query, not one per module.
        var covers = await library.FindImagesAsync(results.Items.Where(i => i.CoverImageId is not null).Select(i => i.CoverImageId!.Value), cancellationToken);
        return new CatalogueListing(results, covers);
    }
}
