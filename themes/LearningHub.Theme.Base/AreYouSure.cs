namespace LearningHub.Theme.Base;

/// <summary>
/// What the GOV.UK "Are you sure" page asks before something is deleted or cannot be undone
/// (<c>_AreYouSure</c> partial): the question as the page's heading, the thing concerned, what happens,
/// the confirming button's words and where "Cancel" goes. The page's own POST does the deed.
/// </summary>
public sealed record AreYouSure(string Question, string? Item, string Confirm, string CancelHref, string? Consequence = null);
