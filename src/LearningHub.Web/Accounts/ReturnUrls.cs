using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Accounts;

public static class ReturnUrls
{
    /// <summary>Only a path on this board is a place to return to; anything else goes to the board's home.</summary>
    public static string OnBoard(IUrlHelper url, string? returnUrl)
    {
        var home = url.Page("/Home/Index")!;
        return returnUrl is { } path && url.IsLocalUrl(path) && path.StartsWith(home, StringComparison.OrdinalIgnoreCase) ? path : home;
    }
}
