using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using Microsoft.AspNetCore.OutputCaching;

namespace LearningHub.Web.Pages.Home;

/// <summary>A board's home page.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(BoardTerms terms) : BoardPageModel
{
    public string? SignedInName => User.FindFirstValue(LearningHubClaimTypes.FullName);

    public IReadOnlyList<TermChoice> Themes { get; private set; } = [];

    public async Task OnGetAsync() => Themes = await terms.ThemesAsync(HttpContext.RequestAborted);
}
