using LearningHub.Core.Accounts;
using LearningHub.Core.Security;

namespace LearningHub.Cases;

public sealed class CasesPermissions : IPermissionProvider
{
    /// <summary>Write case modules and revisions, and send them for review.</summary>
    public const string Author = "cases.author";

    /// <summary>Approve (publish) or return a module someone else sent for review; archive modules.</summary>
    public const string Review = "cases.review";

    /// <summary>See every recommendation of the board's reviews with its status and the learning that answers it.</summary>
    public const string TrackRecommendations = "cases.recommendations";

    /// <summary>Record a published recommendation's status changes (the board's own record of what it did about it).</summary>
    public const string RecordRecommendations = "cases.recommendations.record";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Author, "Write case learning modules and send them for review", [BoardRoles.Author, BoardRoles.BoardAdmin]),
        // A second author may review: the workflow refuses a review by the person who sent it.
        new(Review, "Publish or return case learning modules sent for review", [BoardRoles.Author, BoardRoles.BoardAdmin]),
        new(TrackRecommendations, "See recommendations and the learning that answers them",
            [BoardRoles.Author, BoardRoles.Coordinator, BoardRoles.BoardAdmin]),
        new(RecordRecommendations, "Record the status of recommendations (accepted, action planned, completed...)", [BoardRoles.BoardAdmin]),
    ];
}
