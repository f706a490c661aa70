using LearningHub.Core.Boards;
using LearningHub.Core.Pages;

namespace LearningHub.Core.Audit;

/// <summary>
/// One thing someone did on a board (<c>accounts.role.granted</c>), written in the same transaction as
/// the change it records. Entries are append-only: <see cref="AuditEntryGuard"/> refuses any update or
/// delete through the app. Names are copied as they were at the time, so the log still reads after a
/// person or target is renamed.
/// </summary>
public class AuditEntry : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>Dotted, lower-case: module, thing, what happened (<c>accounts.role.granted</c>).</summary>
    public required string Action { get; set; }

    public DateTime OccurredUtc { get; set; }

    /// <summary>The account that acted; null for the system (a recipe, a scheduled job).</summary>
    public string? ActorUserId { get; set; }

    /// <summary>The actor's display name at the time ("System" when no one was signed in).</summary>
    public required string ActorName { get; set; }

    /// <summary>What was acted on, e.g. <c>Account</c>, <c>Agency</c>.</summary>
    public required string TargetType { get; set; }

    public required string TargetId { get; set; }

    /// <summary>A readable name of the target at the time (a person's name, an agency's name).</summary>
    public string? TargetLabel { get; set; }

    /// <summary>What changed, as JSON, with secrets left out (<see cref="AuditLog"/> strips them).</summary>
    public string? ChangesJson { get; set; }

    /// <summary>The request that made the change, to join the entry to the logs of that request.</summary>
    public string? RequestId { get; set; }

    /// <summary>
    /// Takes a person's name and email address out of the entry (the right to erasure) while keeping the entry
    /// itself: the action, the time, the ids. The only change <see cref="AuditEntryGuard"/> lets through, and only
    /// to the three text fields that can name a person.
    /// </summary>
    public void RemovePersonalData(Func<string?, string?> redact)
    {
        ArgumentNullException.ThrowIfNull(redact);
        ActorName = redact(ActorName) ?? "";
        TargetLabel = redact(TargetLabel);
        ChangesJson = redact(ChangesJson);
        AuditEntryGuard.AllowRedaction(this);
    }
}
