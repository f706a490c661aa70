namespace LearningHub.Core.Accounts;

public static class LearningHubClaimTypes
{
    /// <summary>Id of the board an account (and so its sign-in cookie) belongs to.</summary>
    public const string BoardId = "lh:board";

    public const string FullName = "lh:name";
}
