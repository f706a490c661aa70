using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Time;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Pages.Admin.Mail;

/// <summary>Recent mail with status, attempts and last error; failed messages can be sent again. Board admins only (personal data).</summary>
[Authorize(Policy = NotificationsPermissions.ManageMail)]
public sealed class IndexModel(LearningHubDbContext db, MailQueue queue) : BoardPageModel
{
    public string TransportDescription { get; private set; } = "";

    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];

    [TempData]
    public bool Resent { get; set; }

    public async Task OnGetAsync()
    {
        var settings = await db.Set<BoardMailSettings>().AsNoTracking().SingleOrDefaultAsync();
        TransportDescription = settings is { Transport: MailTransportKind.Smtp, Host: not null }
            ? $"the SMTP server {settings.Host}:{settings.Port}"
            : "the pickup folder on the server (no mail leaves it)";
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .OrderByDescending(m => m.CreatedUtc).Take(100).ToListAsync();
        Messages = rows.Select(m => new MessageRow(
            m.Id,
            LondonTime.ToLondon(m.CreatedUtc).ToString("d MMM yyyy, HH:mm"),
            m.ToName, m.ToAddress, m.Subject, m.Category, m.Status.ToString(), StatusClass(m.Status), m.Attempts, m.LastError,
            m.Status == OutboxStatus.Failed)).ToList();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        if (!await queue.RetryAsync(id))
        {
            return NotFound();
        }

        await db.SaveChangesAsync();
        Resent = true;
        return RedirectToPage("/Admin/Mail/Index");
    }

    private static string StatusClass(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => "govuk-tag--green",
        OutboxStatus.Failed => "govuk-tag--red",
        OutboxStatus.Cancelled => "govuk-tag--grey",
        _ => "govuk-tag--blue",
    };

    public sealed record MessageRow(Guid Id, string Queued, string ToName, string ToAddress, string Subject, string Category,
        string Status, string StatusClass, int Attempts, string? LastError, bool CanResend);
}
