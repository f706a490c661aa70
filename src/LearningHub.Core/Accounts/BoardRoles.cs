namespace LearningHub.Core.Accounts;

/// <summary>The roles a person can hold on a board. Accounts are per board, so roles are too.</summary>
public static class BoardRoles
{
    public const string Practitioner = "Practitioner";
    public const string Coordinator = "Coordinator";
    public const string Author = "Author";
    public const string BoardAdmin = "BoardAdmin";

    public static readonly IReadOnlyList<string> All = [Practitioner, Coordinator, Author, BoardAdmin];

    public static string DisplayName(string role) => role switch
    {
        Coordinator => "Training coordinator",
        BoardAdmin => "Board administrator",
        _ => role,
    };

    /// <summary>The people holding the role, in running text: "board administrators".</summary>
    public static string PeopleIn(string role) => $"{DisplayName(role).ToLowerInvariant()}s";
}
