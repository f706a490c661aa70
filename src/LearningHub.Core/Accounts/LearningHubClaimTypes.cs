namespace LearningHub.Core.Accounts;

public static class LearningHubClaimTypes
{
    /// <summary>Id of the board an account (and so its sign-in cookie) belongs to.</summary>
    public const string BoardId = "lh:board";

    public const string FullName = "lh:name";

    /// <summary>Id of the server-side sign-in session a cookie belongs to (signing out ends it on the server).</summary>
    public const string SessionId = "lh:session";

    /// <summary>Present while the account lacks its agency, job role or locality, which must be given before anything else.</summary>
    public const string ProfileIncomplete = "lh:profile-incomplete";
}
