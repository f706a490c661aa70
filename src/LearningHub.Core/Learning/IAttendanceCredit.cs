namespace LearningHub.Core.Learning;

/// <summary>Someone attended learning (an event) that the board counts toward a case module's completion.</summary>
/// <param name="ModuleKey">The case module's key (its slug), as events link modules.</param>
/// <param name="Source">What they attended, as the learning record should name it ("Case Y roadshow, Norwich").</param>
public sealed record AttendanceCredit(string UserId, string FullName, string Email, string ModuleKey, string Source, DateTime AttendedUtc);

/// <summary>
/// Lets the module that records attendance (Events) credit learning that another module owns (Cases)
/// without either referencing the other. Implementations add their changes to the request's
/// <see cref="Data.LearningHubDbContext"/> and do not save: the caller's own SaveChanges commits the
/// attendance and the credit together, or neither.
/// </summary>
public interface IAttendanceCredit
{
    Task CreditAsync(AttendanceCredit credit, CancellationToken cancellationToken = default);
}
