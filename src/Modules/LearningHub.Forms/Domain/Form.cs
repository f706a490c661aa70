using LearningHub.Core.Boards;

namespace LearningHub.Forms.Domain;

/// <summary>Why a form is asked, which decides when it is asked and how its results are compared.</summary>
public enum FormPurpose
{
    /// <summary>Reflective questions of a case module section.</summary>
    ModuleReflection,

    /// <summary>Asked on booking or before an event.</summary>
    EventBaseline,

    /// <summary>Asked straight after an event, of those who attended.</summary>
    EventEvaluation,

    /// <summary>Asked months later (90 days by default), optionally copied to the line manager.</summary>
    FollowUp,

    GeneralFeedback,
}

public static class FormPurposeNames
{
    public static string DisplayName(this FormPurpose purpose) => purpose switch
    {
        FormPurpose.ModuleReflection => "Module reflection",
        FormPurpose.EventBaseline => "Event baseline (before)",
        FormPurpose.EventEvaluation => "Event evaluation (straight after)",
        FormPurpose.FollowUp => "Follow-up (months later)",
        FormPurpose.GeneralFeedback => "General feedback",
        _ => purpose.ToString(),
    };
}

/// <summary>
/// A set of questions a board asks, identified by a stable <see cref="Key"/> that other modules and
/// recipes refer to. Its questions live in versions: once anyone has answered a version, editing the
/// form makes a new version, so every submission keeps the questions it answered.
/// </summary>
public class Form : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>Stable, unique per board, lower case with hyphens: <c>event-evaluation</c>.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    /// <summary>Shown above the first question (plain text).</summary>
    public string? Description { get; set; }

    public FormPurpose Purpose { get; set; }

    /// <summary>Anonymous forms never show or export who answered, and suppress groups under five.</summary>
    public bool IsAnonymous { get; set; }

    /// <summary>The version new submissions answer: the highest <see cref="FormVersion.Number"/>.</summary>
    public int CurrentVersion { get; set; } = 1;

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<FormVersion> Versions { get; set; } = [];
}

/// <summary>One version of a form's questions. Never changed once a submission refers to it.</summary>
public class FormVersion : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid FormId { get; set; }

    public int Number { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<FormQuestion> Questions { get; set; } = [];
}
