using LearningHub.Core.Accounts;
using LearningHub.Core.Security;
using LearningHub.Forms;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Accounts;

/// <summary>Your details says truly who sees your name, from the board's own role grants, and links to changing your password.</summary>
public sealed class YourDetailsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private async Task<IReadOnlyList<string>> WhoSeesAsync()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var page = await client.GetDocumentAsync("/norfolk/account");
        Assert.Equal("/norfolk/account/change-password", page.QuerySelector("main a[href$='/change-password']")!.GetAttribute("href"));
        return page.QuerySelectorAll("#who-sees-your-name li").Select(li => li.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task Who_sees_your_name_follows_the_roles_the_board_grants()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");

        var who = await WhoSeesAsync();
        Assert.Contains("Board administrators, with your account, agency, job role and roles", who);
        Assert.Contains(who, w => w.StartsWith("Training coordinators and board administrators, when you book an event"));
        Assert.Contains(who, w => w.StartsWith("Training coordinators, authors and board administrators, with your answers to forms that are not anonymous"));
        Assert.Contains(who, w => w.StartsWith("Your line manager"));

        // The board stops authors seeing form results: the page stops saying they do.
        var boardId = await factory.WithBoardAsync("norfolk", async db =>
        {
            db.BoardRolePermissions.RemoveRange(db.BoardRolePermissions.Where(g => g.Role == BoardRoles.Author && g.Permission == FormsPermissions.Results));
            await db.SaveChangesAsync();
            return db.CurrentBoardId!.Value;
        });
        factory.Services.GetRequiredService<IMemoryCache>().Remove(BoardPermissions.CacheKey(boardId));

        Assert.Contains(await WhoSeesAsync(), w => w.StartsWith("Training coordinators and board administrators, with your answers to forms"));
    }
}
