using LearningHub.Core.Boards;
using LearningHub.Notifications.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Notifications.Pages.Account;

/// <summary>A person's private calendar feed address: make one, replace it, or stop it.</summary>
[Authorize]
public sealed class CalendarModel(CalendarFeeds feeds, BoardContext boards) : PageModel
{
    public string BoardName => boards.Required.Name;

    public bool HasFeed { get; private set; }

    public string? NewAddress { get; private set; }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;

    public async Task OnGetAsync() => HasFeed = await feeds.HasFeedAsync(UserId);

    public async Task<IActionResult> OnPostResetAsync()
    {
        var token = await feeds.ResetAsync(UserId);
        NewAddress = $"{Request.Scheme}://{Request.Host}/{boards.Required.Slug}/calendar/{token}.ics";
        HasFeed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        await feeds.RevokeAsync(UserId);
        return Redirect($"/{boards.Required.Slug}/account/calendar");
    }
}
