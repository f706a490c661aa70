using LearningHub.Core.Pages;

namespace LearningHub.Cases.Pages;

/// <summary>What every Cases page needs beyond the board and the signed-in person: them as an actor for the services.</summary>
public abstract class CasesPageModel : BoardPageModel
{
    protected Services.Actor Actor => new(UserId!, UserName, IsBoardAdmin);

    /// <summary>This site's address as the browser sees it, for links in mail and QR codes.</summary>
    protected string SiteUrl => $"{Request.Scheme}://{Request.Host}";
}
