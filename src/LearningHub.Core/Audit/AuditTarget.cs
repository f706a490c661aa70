namespace LearningHub.Core.Audit;

/// <summary>What an audit entry is about: its type, id and a readable label as it is now.</summary>
public sealed record AuditTarget(string Type, string Id, string? Label = null)
{
    /// <summary>The type of entries about an account: a person's data export and erasure tell them apart by it.</summary>
    public const string AccountType = "Account";

    /// <summary>An account, named as it is now.</summary>
    public static AuditTarget Account(string userId, string? name) => new(AccountType, userId, name);
}

/// <summary>Who did it, when the signed-in user is not the actor (a new account registering itself).</summary>
public sealed record AuditActor(string? UserId, string Name)
{
    public static readonly AuditActor System = new(null, "System");
}
