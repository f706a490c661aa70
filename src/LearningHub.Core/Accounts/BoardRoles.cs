namespace LearningHub.Core.Accounts;

/// <summary>The roles a person can hold on a board. Accounts are per board, so roles are too.</summary>
public static class BoardRoles
{
    public const string Practitioner = "Practitioner";
    public const string Coordinator = "Coordinator";
    public const string Author = "Author";
    public const string BoardAdmin = "BoardAdmin";

    /// <summary>A partner agency's safeguarding lead: sees reach and change for their own agency (their account's), to report to its governance.</summary>
    public const string AgencyLead = "AgencyLead";

    public static readonly IReadOnlyList<string> All = [Practitioner, Coordinator, Author, BoardAdmin, AgencyLead];

    public static string DisplayName(string role) => role switch
    {
        Coordinator => "Training coordinator",
        BoardAdmin => "Board administrator",
        AgencyLead => "Agency safeguarding lead",
        _ => role,
    };

    /// <summary>The people holding the role, in running text: "board administrators".</summary>
    public static string PeopleIn(string role) => $"{DisplayName(role).ToLowerInvariant()}s";
}
