using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Pages.Admin.Mail;

/// <summary>A board's SMTP server and sender. The password is stored encrypted and never shown back.</summary>
[Authorize(Policy = NotificationsPermissions.ManageMail)]
public sealed class SettingsModel(LearningHubDbContext db, BoardContext boards, MailTransports transports, AuditLog audit) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public string BoardName => boards.Required.Name;

    public string BoardSlug => boards.Required.Slug;

    public string ContactEmail => boards.Required.ContactEmail;

    public string PasswordHint { get; private set; } = "";

    public IReadOnlyList<SelectListItem> Transports { get; } =
    [
        new("A folder on the server (no mail leaves it)", nameof(MailTransportKind.PickupFolder)),
        new("An SMTP server", nameof(MailTransportKind.Smtp)),
    ];

    public IReadOnlyList<SelectListItem> Securities { get; } =
    [
        new("STARTTLS (encrypted, usually port 587)", nameof(SmtpSecurity.StartTls)),
        new("TLS from the start (encrypted, usually port 465)", nameof(SmtpSecurity.SslOnConnect)),
        new("None (only for a server on the same network)", nameof(SmtpSecurity.None)),
    ];

    public async Task OnGetAsync()
    {
        var settings = await db.Set<BoardMailSettings>().AsNoTracking().SingleOrDefaultAsync() ?? new BoardMailSettings();
        Input = new SettingsInput
        {
            Transport = settings.Transport,
            Host = settings.Host,
            Port = settings.Port,
            Security = settings.Security,
            UserName = settings.UserName,
            FromAddress = settings.FromAddress,
            FromName = settings.FromName,
        };
        SetPasswordHint(settings);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var settings = await db.Set<BoardMailSettings>().SingleOrDefaultAsync();
        SetPasswordHint(settings);
        if (Input.Transport == MailTransportKind.Smtp && string.IsNullOrWhiteSpace(Input.Host))
        {
            ModelState.AddModelError("Input.Host", "Enter the SMTP server's name to send through an SMTP server");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (settings is null)
        {
            settings = new BoardMailSettings();
            db.Add(settings);
        }

        settings.Transport = Input.Transport!.Value;
        settings.Host = Input.Host?.Trim();
        settings.Port = Input.Port!.Value;
        settings.Security = Input.Security!.Value;
        settings.UserName = string.IsNullOrWhiteSpace(Input.UserName) ? null : Input.UserName.Trim();
        settings.FromAddress = string.IsNullOrWhiteSpace(Input.FromAddress) ? null : Input.FromAddress.Trim();
        settings.FromName = string.IsNullOrWhiteSpace(Input.FromName) ? null : Input.FromName.Trim();
        if (settings.UserName is null)
        {
            settings.ProtectedPassword = null;
        }
        else if (!string.IsNullOrEmpty(Input.Password))
        {
            settings.ProtectedPassword = transports.ProtectPassword(Input.Password);
        }

        // What the settings are now, never the password: only whether a new one was given (named so the
        // audit log's secret filter, which drops any property named like a password, keeps it).
        audit.Record("mail.settings.changed", new AuditTarget("MailSettings", boards.Required.Slug, boards.Required.Name), new
        {
            transport = settings.Transport.ToString(), settings.Host, settings.Port, security = settings.Security.ToString(),
            settings.UserName, settings.FromAddress, settings.FromName, signInReplaced = !string.IsNullOrEmpty(Input.Password),
        });
        await db.SaveChangesAsync();
        return Redirect($"/{BoardSlug}/admin/mail");
    }

    private void SetPasswordHint(BoardMailSettings? settings) =>
        PasswordHint = settings?.ProtectedPassword is null
            ? "No password is set"
            : "A password is set. Leave blank to keep it; clear the user name to remove it";

    public sealed class SettingsInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Select how mail is sent")]
        public MailTransportKind? Transport { get; set; }

        [Display(Order = 2)]
        [StringLength(255, ErrorMessage = "The server name must be 255 characters or fewer")]
        public string? Host { get; set; }

        [Display(Order = 3)]
        [Required(ErrorMessage = "Enter the port, for example 587")]
        [Range(1, 65535, ErrorMessage = "The port must be a number from 1 to 65535")]
        public int? Port { get; set; } = 587;

        [Display(Order = 4)]
        [Required(ErrorMessage = "Select the connection security")]
        public SmtpSecurity? Security { get; set; }

        [Display(Order = 5)]
        [StringLength(256, ErrorMessage = "The user name must be 256 characters or fewer")]
        public string? UserName { get; set; }

        [Display(Order = 6)]
        [StringLength(500, ErrorMessage = "The password must be 500 characters or fewer")]
        public string? Password { get; set; }

        [Display(Order = 7)]
        [EmailAddress(ErrorMessage = "Enter the send-from address in the correct format, like learning@example.org")]
        [StringLength(256, ErrorMessage = "The send-from address must be 256 characters or fewer")]
        public string? FromAddress { get; set; }

        [Display(Order = 8)]
        [StringLength(200, ErrorMessage = "The send-from name must be 200 characters or fewer")]
        public string? FromName { get; set; }
    }
}
