using System.Security.Claims;
using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.OutputCaching;

namespace LearningHub.Content.Pages.Home;

/// <summary>
/// A board's home page, made of the blocks the board edits (<c>/manage/home</c>): its introduction (or, until it
/// writes one, the description its recipe gave), featured modules and events, current news and quick links. All of
/// it comes from caches (<see cref="SiteContent"/>, <see cref="BoardTerms"/>), so a warm home page reads nothing; the
/// signed-out page is kept whole in the output cache (<see cref="PublicPageCache"/>).
/// </summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(BoardTerms terms, SiteContent site, HomePageContent content) : BoardPageModel
{
    public string? SignedInName => User.FindFirstValue(LearningHubClaimTypes.FullName);

    public IReadOnlyList<TermChoice> Themes { get; private set; } = [];

    /// <summary>The introduction and each news item's text, rendered once per site snapshot.</summary>
    public IHtmlContent? IntroductionHtml { get; private set; }

    public IReadOnlyDictionary<Guid, IHtmlContent> NewsHtml { get; private set; } = new Dictionary<Guid, IHtmlContent>();

    public IReadOnlyList<FeaturedBlock> Featured { get; private set; } = [];

    public IReadOnlyList<NewsItem> News { get; private set; } = [];

    public IReadOnlyList<QuickLink> QuickLinks { get; private set; } = [];

    public IReadOnlyDictionary<Guid, MediaImage> Images { get; private set; } = new Dictionary<Guid, MediaImage>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Themes = await terms.ThemesAsync(cancellationToken);
        var snapshot = await site.GetAsync(cancellationToken);
        IntroductionHtml = snapshot.IntroductionHtml;
        NewsHtml = snapshot.NewsHtml;
        Featured = snapshot.Featured;
        News = content.CurrentNews(snapshot, HomePageContent.HomeNewsCount);
        QuickLinks = snapshot.QuickLinks;
        Images = snapshot.Images;
    }
}
