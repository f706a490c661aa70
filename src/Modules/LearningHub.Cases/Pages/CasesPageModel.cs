using LearningHub.Core.Pages;

namespace LearningHub.Cases.Pages;

/// <summary>What every Cases page needs beyond the board and the signed-in person: them as an actor for the services.</summary>
public abstract class CasesPageModel : BoardPageModel
{
    protected Services.Actor Actor => new(UserId!, UserName, IsBoardAdmin);
}
