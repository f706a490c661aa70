using LearningHub.Core.Pages;
using LearningHub.Notifications.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LearningHub.Notifications.Pages.Account;

/// <summary>A person's private calendar feed address: make one, replace it, or stop it.</summary>
[Authorize]
public sealed class CalendarModel(CalendarFeeds feeds, LinkGenerator links) : BoardPageModel
{
    public bool HasFeed { get; private set; }

    public string? NewAddress { get; private set; }

    public async Task OnGetAsync() => HasFeed = await feeds.HasFeedAsync(UserId!);

    public async Task<IActionResult> OnPostResetAsync()
    {
        var token = await feeds.ResetAsync(UserId!);
        // The whole address, for a calendar app.
        NewAddress = links.GetUriByName(HttpContext, NotificationsModule.CalendarFeedEndpoint, new { board = Board.Slug, token });
        HasFeed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        await feeds.RevokeAsync(UserId!);
        return RedirectToPage("/Account/Calendar");
    }
}
