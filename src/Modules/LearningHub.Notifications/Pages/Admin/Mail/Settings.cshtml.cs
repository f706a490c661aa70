using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Pages.Admin.Mail;

/// <summary>
/// A board's SMTP server, sign-in and sender. The password and the OAuth client secret are stored
/// encrypted and never shown back.
/// </summary>
[Authorize(Policy = NotificationsPermissions.ManageMail)]
public sealed class SettingsModel(LearningHubDbContext db, MailSettingsEditor editor) : BoardPageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public string PasswordHint { get; private set; } = "";

    public string ClientSecretHint { get; private set; } = "";

    public IReadOnlyList<SelectListItem> SignIns { get; } =
    [
        new("No sign-in", nameof(SmtpAuthentication.None)),
        new("User name and password", nameof(SmtpAuthentication.Password)),
        new("OAuth 2.0 (client credentials), for example Microsoft 365", nameof(SmtpAuthentication.OAuthClientCredentials)),
    ];

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
            Authentication = settings.Authentication,
            UserName = settings.UserName,
            OAuthTokenEndpoint = settings.OAuthTokenEndpoint,
            OAuthClientId = settings.OAuthClientId,
            OAuthScope = settings.OAuthScope,
            FromAddress = settings.FromAddress,
            FromName = settings.FromName,
        };
        SetSecretHints(settings);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var settings = await db.Set<BoardMailSettings>().SingleOrDefaultAsync();
        SetSecretHints(settings);
        if (Input.Transport == MailTransportKind.Smtp && string.IsNullOrWhiteSpace(Input.Host))
        {
            ModelState.AddModelError("Input.Host", "Enter the SMTP server's name to send through an SMTP server");
        }

        if (Input.Transport == MailTransportKind.Smtp)
        {
            CheckSignIn(settings);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await editor.SaveAsync(new MailSettingsChange(
            Input.Transport!.Value, Input.Host, Input.Port!.Value, Input.Security!.Value, Input.Authentication!.Value,
            Input.UserName, Input.Password, Input.OAuthTokenEndpoint, Input.OAuthClientId, Input.OAuthClientSecret,
            Input.OAuthScope, Input.FromAddress, Input.FromName));
        return RedirectToPage("/Admin/Mail/Index");
    }

    /// <summary>Each sign-in's required fields; a stored secret counts as given, as the page never shows it back.</summary>
    private void CheckSignIn(BoardMailSettings? settings)
    {
        switch (Input.Authentication)
        {
            case SmtpAuthentication.Password:
                if (string.IsNullOrWhiteSpace(Input.UserName))
                {
                    ModelState.AddModelError("Input.UserName", "Enter the user name to sign in with");
                }

                if (string.IsNullOrEmpty(Input.Password) && settings?.ProtectedPassword is null)
                {
                    ModelState.AddModelError("Input.Password", "Enter the password to sign in with");
                }

                break;
            case SmtpAuthentication.OAuthClientCredentials:
                if (string.IsNullOrWhiteSpace(Input.UserName))
                {
                    ModelState.AddModelError("Input.UserName", "Enter the user name: the mailbox to send as, like learning@example.org");
                }

                if (string.IsNullOrWhiteSpace(Input.OAuthTokenEndpoint))
                {
                    ModelState.AddModelError("Input.OAuthTokenEndpoint", "Enter the token endpoint, the address the identity provider issues tokens at");
                }
                else if (!MailSettingsRules.IsTokenEndpoint(Input.OAuthTokenEndpoint.Trim()))
                {
                    ModelState.AddModelError("Input.OAuthTokenEndpoint", "Enter the token endpoint as a full https address, like https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token");
                }

                if (string.IsNullOrWhiteSpace(Input.OAuthClientId))
                {
                    ModelState.AddModelError("Input.OAuthClientId", "Enter the client ID (the application ID)");
                }

                if (string.IsNullOrEmpty(Input.OAuthClientSecret) && settings?.ProtectedOAuthClientSecret is null)
                {
                    ModelState.AddModelError("Input.OAuthClientSecret", "Enter the client secret");
                }

                if (string.IsNullOrWhiteSpace(Input.OAuthScope))
                {
                    ModelState.AddModelError("Input.OAuthScope", "Enter the scope, for Microsoft 365 https://outlook.office365.com/.default");
                }

                break;
        }
    }

    private void SetSecretHints(BoardMailSettings? settings)
    {
        PasswordHint = settings?.ProtectedPassword is null
            ? "No password is set"
            : "A password is set. Leave blank to keep it, or enter a new one to replace it; choose no sign-in to remove it";
        ClientSecretHint = settings?.ProtectedOAuthClientSecret is null
            ? "No client secret is stored"
            : "A client secret is stored. Leave blank to keep it, or enter a new one to replace it";
    }

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
        [Required(ErrorMessage = "Select how LearningHub signs in to the server")]
        public SmtpAuthentication? Authentication { get; set; } = SmtpAuthentication.None;

        [Display(Order = 6)]
        [StringLength(256, ErrorMessage = "The user name must be 256 characters or fewer")]
        public string? UserName { get; set; }

        [Display(Order = 7)]
        [StringLength(500, ErrorMessage = "The password must be 500 characters or fewer")]
        public string? Password { get; set; }

        [Display(Order = 8)]
        [StringLength(500, ErrorMessage = "The token endpoint must be 500 characters or fewer")]
        public string? OAuthTokenEndpoint { get; set; }

        [Display(Order = 9)]
        [StringLength(256, ErrorMessage = "The client ID must be 256 characters or fewer")]
        public string? OAuthClientId { get; set; }

        [Display(Order = 10)]
        [StringLength(1000, ErrorMessage = "The client secret must be 1000 characters or fewer")]
        public string? OAuthClientSecret { get; set; }

        [Display(Order = 11)]
        [StringLength(500, ErrorMessage = "The scope must be 500 characters or fewer")]
        public string? OAuthScope { get; set; }

        [Display(Order = 12)]
        [EmailAddress(ErrorMessage = "Enter the send-from address in the correct format, like learning@example.org")]
        [StringLength(256, ErrorMessage = "The send-from address must be 256 characters or fewer")]
        public string? FromAddress { get; set; }

        [Display(Order = 13)]
        [StringLength(200, ErrorMessage = "The send-from name must be 200 characters or fewer")]
        public string? FromName { get; set; }
    }
}
