using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;

namespace LearningHub.Forms.Domain;

/// <summary>
/// One person's answers to one version of a form, in one context (<c>event:{id}</c>,
/// <c>case-module:{key}:{section}</c>, or <c>general</c>). A draft until submitted, so a practitioner
/// can come back to it. When an anonymous form is submitted the link to the person is removed
/// (<see cref="UserId"/> cleared) and only a <see cref="FormResponseReceipt"/> records that they answered.
/// </summary>
public class FormSubmission : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid FormId { get; set; }

    public Guid FormVersionId { get; set; }

    public required string Context { get; set; }

    /// <summary>The person answering; null once an anonymous form is submitted.</summary>
    public string? UserId { get; set; }

    /// <summary>Snapshot for named forms only, taken on submit.</summary>
    public string? RespondentName { get; set; }

    public string? RespondentEmail { get; set; }

    /// <summary>Snapshots taken on submit, for filtering results (kept for anonymous forms, whose small groups are suppressed).</summary>
    public Guid? AgencyId { get; set; }

    public Sector? Sector { get; set; }

    public Guid? LocalityId { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Null while a draft.</summary>
    public DateTime? SubmittedUtc { get; set; }

    public List<FormAnswer> Answers { get; set; } = [];

    public bool IsDraft => SubmittedUtc is null;
}

/// <summary>A checked answer to one question. Multiple choices are stored one per line.</summary>
public class FormAnswer : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid SubmissionId { get; set; }

    public Guid QuestionId { get; set; }

    public required string Value { get; set; }

    public IReadOnlyList<string> Values => Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// That a person answered a form in a context, and when: what other modules ask ("has this person
/// answered the reflective questions?") without any link to the answers of an anonymous form.
/// </summary>
public class FormResponseReceipt : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid FormId { get; set; }

    public required string Context { get; set; }

    public required string UserId { get; set; }

    /// <summary>The day only, so a receipt cannot be matched to an anonymous submission by time.</summary>
    public DateTime SubmittedOnUtc { get; set; }
}
