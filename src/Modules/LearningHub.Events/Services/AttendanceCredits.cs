using LearningHub.Core.Learning;
using LearningHub.Events.Domain;

namespace LearningHub.Events.Services;

/// <summary>
/// Passes attendance on to whatever counts it toward case modules (<see cref="IAttendanceCredit"/>, from Cases),
/// when the event's board chose "attendance counts toward completing the linked case modules". The credits join
/// the caller's unit of work, so the mark and the credit are saved together. With none registered, nothing happens.
/// </summary>
public sealed class AttendanceCredits(IEnumerable<IAttendanceCredit> credits)
{
    /// <summary>Marks that credit a module: present for the whole event (by the register, QR code or as a walk-in).</summary>
    public static bool Counts(AttendanceMark? mark) => mark is AttendanceMark.Attended or AttendanceMark.WalkIn;

    public async Task CreditAsync(LearningEvent ev, Booking booking, DateTime attendedUtc, CancellationToken ct)
    {
        // A walk-in added at the door has no account to credit.
        if (!ev.AttendanceCountsTowardModules || !Counts(booking.Attendance) || booking.UserId is null)
        {
            return;
        }

        foreach (var module in ev.LinkedModules)
        {
            foreach (var credit in credits)
            {
                await credit.CreditAsync(new AttendanceCredit(booking.UserId, booking.FullName, booking.Email, module, ev.Title, attendedUtc), ct);
            }
        }
    }
}
