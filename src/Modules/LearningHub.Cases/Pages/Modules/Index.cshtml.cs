using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using LearningHub.Core.Validation;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningHub.Cases.Pages.Modules;

/// <summary>The board's catalogue of published modules: search and filters by theme, topic and review type.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(CaseCatalogue catalogue, CatalogueListings listings) : CasesPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "theme")]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true, Name = "topic")]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    public IReadOnlyList<TermChoice> Themes { get; private set; } = [];

    public IReadOnlyList<TermChoice> Topics { get; private set; } = [];

    /// <summary>From <c>?page=</c>, read by hand: "page" is the route value that names the Razor Page, so it cannot be bound.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], out var page) ? page : 1;

    public CataloguePage Results { get; private set; } = new([], 0, 1, CaseCatalogue.PageSize);

    public IReadOnlyList<CatalogueItem> Items => Results.Items;

    /// <summary>This list's address with another page number, keeping the search and filters.</summary>
    public string PageUrl(int page)
    {
        var list = Url.Page("/Modules/Index", new { q = Query, theme = Theme, topic = Topic, type = Type })!;
        // Added by hand: a "page" route value would name the Razor Page, not the page of results.
        return page > 1 ? QueryHelpers.AddQueryString(list, "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) : list;
    }

    public bool Filtered => !string.IsNullOrWhiteSpace(Query) || Theme is not null || Topic is not null || Type is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = Query?.Trim();
        if (Query?.Length > 200)
        {
            Query = Query[..200];
        }

        Themes = await catalogue.ThemesAsync(cancellationToken);
        Topics = await catalogue.TopicsAsync(cancellationToken);
        // Unknown filter values (an old bookmark) are ignored rather than matching nothing.
        Theme = Themes.Any(t => t.Key == Theme) ? Theme : null;
        Topic = Topics.Any(t => t.Key == Topic) ? Topic : null;
        var type = FormEnums.Read<ReviewType>(Type);
        Type = type?.ToString();
        ModelState.Clear(); // a page number that is not a number is page 1, not an error
        // Browsing (no search words) is the same for everyone: from memory (CatalogueListings).
        var listing = await listings.ListAsync(new CatalogueFilter(Query, Theme, Topic, type), Themes, Topics, PageNumber, cancellationToken);
        Results = listing.Results;
        Covers = listing.Covers;
    }

    /// <summary>The cover images of this page's modules, by asset id (an image deleted since is simply absent).</summary>
    public IReadOnlyDictionary<Guid, MediaImage> Covers { get; private set; } = new Dictionary<Guid, MediaImage>();
}
