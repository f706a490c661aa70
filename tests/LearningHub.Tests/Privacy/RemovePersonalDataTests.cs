using System.Text.Json;
using LearningHub.Cases.Domain;
using LearningHub.Core.Privacy;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Notifications.Domain;

namespace LearningHub.Tests.Privacy;

/// <summary>Each entity's one place that knows which of its fields are personal, and the subject's redaction of free text.</summary>
public sealed class RemovePersonalDataTests
{
    private static readonly DataSubject Subject = new("0f3c9a7e-1111-2222-3333-444455556666", Guid.NewGuid(), "Siobhan.O'Neill@NHS.example", "Siobhán O'Neill");

    [Fact]
    public void Redact_replaces_the_name_and_email_in_any_case_and_as_json_escapes_them()
    {
        var json = JsonSerializer.Serialize(new { name = Subject.FullName, email = "siobhan.o'neill@nhs.example" });

        var redacted = Subject.Redact($"Granted to SIOBHÁN O'NEILL ({Subject.Email.ToLowerInvariant()}); {json}")!;

        Assert.DoesNotContain("Siobh", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("nhs.example", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("removed person #0f3c9a7e", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_name_is_not_looked_for_in_free_text()
    {
        var jo = Subject with { FullName = "Jo" };

        Assert.Equal("Jordan joined", jo.Redact("Jordan joined"));
        Assert.False(jo.NameIsSearchable);
    }

    [Fact]
    public void An_anonymised_booking_keeps_what_the_reach_report_counts()
    {
        var booking = new Booking
        {
            UserId = "u1",
            ActiveUserId = "u1",
            FullName = "Siobhán O'Neill",
            Email = "s@nhs.example",
            AgencyName = "NHS Trust",
            Sector = Sector.Health,
            JobRole = "Nurse",
            LocalityName = "Norwich",
            LineManagerEmail = "m@nhs.example",
            Answer = "Step-free",
            Status = BookingStatus.Confirmed,
            Attendance = AttendanceMark.Attended,
            CheckedInUtc = DateTime.UtcNow,
        };

        booking.RemovePersonalData();

        Assert.Equal((null, null, Booking.RemovedName, "", null, null, null), (booking.UserId, booking.ActiveUserId, booking.FullName, booking.Email,
            booking.JobRole, booking.LineManagerEmail, booking.Answer));
        Assert.Equal(("NHS Trust", Sector.Health, "Norwich", BookingStatus.Confirmed, AttendanceMark.Attended),
            (booking.AgencyName, booking.Sector, booking.LocalityName, booking.Status, booking.Attendance));
        Assert.NotNull(booking.CheckedInUtc);
    }

    [Fact]
    public void An_anonymised_mail_keeps_its_kind_and_counts_and_an_unsent_one_is_called_off()
    {
        var message = new OutboxMessage
        {
            DedupeKey = "k",
            Category = "events.booking-confirmed",
            ToAddress = "s@nhs.example",
            ToName = "Siobhán",
            Subject = "Your place",
            TextBody = "Dear Siobhán",
            HtmlBody = "<p>Dear Siobhán</p>",
            AttachmentContent = "BEGIN:VCALENDAR",
            LastError = "550 s@nhs.example",
            Status = OutboxStatus.Pending,
            Attempts = 2,
        };

        message.RemovePersonalData();

        Assert.Equal(("", "", "", "", null, null), (message.ToAddress, message.ToName, message.TextBody, message.HtmlBody, message.AttachmentContent, message.LastError));
        Assert.Equal(("events.booking-confirmed", OutboxStatus.Cancelled, 2), (message.Category, message.Status, message.Attempts));
    }

    [Fact]
    public void A_certificate_without_its_holder_says_so_and_progress_gets_an_unlinkable_id()
    {
        var certificate = new CaseCertificate { UserId = "u1", HolderName = "Siobhán", Code = "NSCB-7Q4K-2MXP", ModuleTitle = "Case Y", CompletedBy = "attended: x" };
        var first = new CaseProgress { UserId = "u1", CompletedUtc = DateTime.UtcNow };
        var second = new CaseProgress { UserId = "u1" };

        certificate.RemovePersonalData();
        first.RemovePersonalData();
        second.RemovePersonalData();

        Assert.True(certificate.HolderRemoved);
        Assert.Equal(("NSCB-7Q4K-2MXP", "Case Y", null), (certificate.Code, certificate.ModuleTitle, certificate.CompletedBy));
        Assert.StartsWith(CaseProgress.RemovedUserPrefix, first.UserId, StringComparison.Ordinal);
        Assert.NotEqual(first.UserId, second.UserId);
        Assert.NotNull(first.CompletedUtc);
    }
}
