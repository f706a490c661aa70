using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace LearningHub.Web.Pages.Admin.SignIn;

[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class IndexModel(BoardIdentityProviders providers) : BoardPageModel
{
    public IReadOnlyList<BoardIdentityProvider> Providers { get; private set; } = [];

    public async Task OnGetAsync() => Providers = await providers.ListAsync();
}
