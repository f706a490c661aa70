using LearningHub.Core.Boards;
using LearningHub.Core.Pages;

namespace LearningHub.Cases.Domain;

/// <summary>
/// One practitioner working through one version of a module: sections done, time spent and,
/// when finished, the completion. A later version of the module does not change it.
/// </summary>
public class CaseProgress : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public string UserId { get; set; } = "";

    public Guid ModuleId { get; set; }

    public Guid VersionId { get; set; }

    public CaseModuleVersion Version { get; set; } = null!;

    public DateTime StartedUtc { get; set; }

    public DateTime LastActivityUtc { get; set; }

    /// <summary>Reading time counted from page to page, each gap capped so a tab left open does not count.</summary>
    public int SecondsSpent { get; set; }

    public DateTime? CompletedUtc { get; set; }

    public List<CaseSectionDone> SectionsDone { get; set; } = [];

    /// <summary>How the completion came about when it was not by working through the sections ("attended: Case Y roadshow").</summary>
    public string? CompletedBy { get; set; }

    /// <summary>The longest gap between two pages that counts as reading.</summary>
    public static readonly TimeSpan MaxCountedGap = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Cuts the progress loose from the person: the account link becomes a random "removed:" id (the unique
    /// index on person and version still holds), while the version, times and completion stay, so the board's
    /// completion counts do not change.
    /// </summary>
    public void RemovePersonalData()
    {
        UserId = $"{RemovedUserPrefix}{Guid.NewGuid():N}";
    }

    /// <summary>Starts the account id of progress whose person was erased.</summary>
    public const string RemovedUserPrefix = "removed:";

    public void Touch(DateTime nowUtc)
    {
        var gap = nowUtc - LastActivityUtc;
        if (gap > TimeSpan.Zero)
        {
            SecondsSpent += (int)Math.Min(gap.TotalSeconds, MaxCountedGap.TotalSeconds);
        }

        LastActivityUtc = nowUtc;
    }
}

public class CaseSectionDone : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid ProgressId { get; set; }

    public Guid SectionId { get; set; }

    public DateTime DoneUtc { get; set; }
}

/// <summary>
/// Proof of a completion, checked by its code. Holds a copy of what it certifies, so it reads the same
/// even if the module is revised or the person renames themselves.
/// </summary>
public class CaseCertificate : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid ProgressId { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>Short, readable, unambiguous (no 0/O, 1/I): <c>NSCB-7Q4K-2MXP</c>.</summary>
    public string Code { get; set; } = "";

    public string HolderName { get; set; } = "";

    public string ModuleTitle { get; set; } = "";

    public string ModuleSlug { get; set; } = "";

    public int VersionNumber { get; set; }

    public DateTime CompletedUtc { get; set; }

    public int MinutesSpent { get; set; }

    /// <summary>How it was completed when not by working through the sections ("attended: Case Y roadshow, Norwich").</summary>
    public string? CompletedBy { get; set; }

    /// <summary>
    /// True once the holder's data was erased: the code stays so the verify page can say the record was
    /// removed, rather than that the code never existed.
    /// </summary>
    public bool HolderRemoved => UserId.Length == 0 && HolderName.Length == 0;

    /// <summary>Removes who held it (name, account, how they completed); keeps the code, module and date.</summary>
    public void RemovePersonalData()
    {
        UserId = "";
        HolderName = "";
        CompletedBy = null;
    }
}
