using System.Globalization;
using System.Text.Json;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Privacy;
using LearningHub.Core.Security;
using LearningHub.Core.Time;
using LearningHub.Core.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Pages.Admin.Retention;

/// <summary>
/// How long the board keeps each kind of personal data, and a "Run now" that applies it at once (the
/// same work and audit entry as the daily job). Retention governs people's accounts and records, so it
/// sits with the permission that already sees them.
/// </summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class IndexModel(LearningHubDbContext db, RetentionApplier retention, RetentionSettingsChanges settingsChanges)
    : BoardPageModel
{
    [BindProperty]
    public RetentionInput Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<SelectListItem> Units { get; } =
        Enum.GetValues<RetentionUnit>().Select(u => new SelectListItem(u.ToString(), u.ToString())).ToList();

    public IReadOnlyList<RuleView> Rules { get; } =
    [
        new(RetentionRule.Attendance, nameof(RetentionInput.AttendanceAmount), nameof(RetentionInput.AttendanceUnit),
            "Counted from the end of the event. Then names, email addresses, job roles, line managers and booking answers are removed; attendance, agency, sector and locality stay for reports."),
        new(RetentionRule.UnconfirmedAccounts, nameof(RetentionInput.UnconfirmedAccountsAmount), nameof(RetentionInput.UnconfirmedAccountsUnit),
            "Counted from registration. Accounts whose email address was never confirmed are then deleted."),
        new(RetentionRule.MailBodies, nameof(RetentionInput.MailBodiesAmount), nameof(RetentionInput.MailBodiesUnit),
            "Counted from sending. Then the recipient, subject, text and attachments are removed; the delivery record stays."),
        new(RetentionRule.NamedAnswers, nameof(RetentionInput.NamedAnswersAmount), nameof(RetentionInput.NamedAnswersUnit),
            "Counted from submission. Then the answers are kept without the person's name, email address or account."),
    ];

    public string? LastRun { get; private set; }

    public IReadOnlyList<KeyValuePair<string, int>> LastCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = RetentionInput.From(await retention.SettingsAsync(cancellationToken));
        await LoadLastRunAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var periods = new Dictionary<RetentionRule, RetentionPeriod>();
        foreach (var rule in Rules)
        {
            if (Validate(rule) is { } period)
            {
                periods[rule.Rule] = period;
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadLastRunAsync(cancellationToken);
            return Page();
        }

        var saved = await settingsChanges.SaveAsync(periods, cancellationToken);
        if (saved == RetentionSettingsSaved.Conflict)
        {
            // Two administrators saved the board's first settings at the same moment: one row per board wins.
            ModelState.AddModelError(string.Empty, "Someone else saved the retention settings at the same time. Check them and save again.");
            await LoadLastRunAsync(cancellationToken);
            return Page();
        }

        Done = saved == RetentionSettingsSaved.Changed ? "Retention settings saved" : "No settings were changed";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        await retention.ApplyAsync(RetentionTrigger.Manual, cancellationToken);
        Done = "Retention has been applied";
        return RedirectToPage();
    }

    /// <summary>Checks one rule's two fields; adds GOV.UK-worded errors to the field that is wrong.</summary>
    private RetentionPeriod? Validate(RuleView rule)
    {
        var amountKey = $"{nameof(Input)}.{rule.AmountField}";
        var unitKey = $"{nameof(Input)}.{rule.UnitField}";
        var name = rule.Rule.Label.ToLowerInvariant();
        var amountText = Input.Amount(rule.Rule)?.Trim();
        var unitText = Input.Unit(rule.Rule);
        var unit = FormEnums.Read<RetentionUnit>(unitText);
        if (unit is null)
        {
            ModelState.AddModelError(unitKey, $"Select days, months or years for {name}");
        }

        if (string.IsNullOrEmpty(amountText))
        {
            ModelState.AddModelError(amountKey, $"Enter how long to keep {name}");
            return null;
        }

        if (!int.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
        {
            ModelState.AddModelError(amountKey, $"How long to keep {name} must be a whole number, like {rule.Rule.Default.Amount}");
            return null;
        }

        if (unit is null)
        {
            return null;
        }

        var period = new RetentionPeriod(amount, unit.Value);
        if (!rule.Rule.Allows(period))
        {
            ModelState.AddModelError(amountKey, $"Keep {name} for at least {rule.Rule.Shortest} and at most {rule.Rule.Longest}");
            return null;
        }

        return period;
    }

    private async Task LoadLastRunAsync(CancellationToken cancellationToken)
    {
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == RetentionApplier.AuditAction)
            .OrderByDescending(e => e.OccurredUtc)
            .Select(e => new { e.OccurredUtc, e.ActorName, e.ChangesJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return;
        }

        var when = LondonTime.ToLondon(entry.OccurredUtc);
        LastRun = $"{when.ToString("d MMMM yyyy 'at' h:mmtt", CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am").Replace("PM", "pm")} by {entry.ActorName}";
        if (entry.ChangesJson is not null)
        {
            using var json = JsonDocument.Parse(entry.ChangesJson);
            if (json.RootElement.TryGetProperty("counts", out var counts))
            {
                LastCounts = counts.EnumerateObject().Select(p => new KeyValuePair<string, int>(p.Name, p.Value.GetInt32())).ToList();
            }
        }
    }

    /// <summary>Readable names for the counts sources report.</summary>
    public static string CountLabel(string key) => key switch
    {
        "events.bookingsAnonymised" => "Bookings anonymised",
        "accounts.unconfirmedDeleted" => "Unconfirmed accounts deleted",
        "accounts.unconfirmedKeptInUse" => "Unconfirmed accounts kept because they have records",
        "notifications.mailsBlanked" => "Sent mails emptied",
        "forms.submissionsDetached" => "Named form answers made anonymous",
        _ => key,
    };

    public sealed record RuleView(RetentionRule Rule, string AmountField, string UnitField, string Hint);

    /// <summary>Text fields so what someone typed ("six", "1.5") comes back to them with an error, never lost.</summary>
    public sealed class RetentionInput
    {
        public string? AttendanceAmount { get; set; }

        public string? AttendanceUnit { get; set; }

        public string? UnconfirmedAccountsAmount { get; set; }

        public string? UnconfirmedAccountsUnit { get; set; }

        public string? MailBodiesAmount { get; set; }

        public string? MailBodiesUnit { get; set; }

        public string? NamedAnswersAmount { get; set; }

        public string? NamedAnswersUnit { get; set; }

        public string? Amount(RetentionRule rule) =>
            rule == RetentionRule.Attendance ? AttendanceAmount
            : rule == RetentionRule.UnconfirmedAccounts ? UnconfirmedAccountsAmount
            : rule == RetentionRule.MailBodies ? MailBodiesAmount
            : NamedAnswersAmount;

        public string? Unit(RetentionRule rule) =>
            rule == RetentionRule.Attendance ? AttendanceUnit
            : rule == RetentionRule.UnconfirmedAccounts ? UnconfirmedAccountsUnit
            : rule == RetentionRule.MailBodies ? MailBodiesUnit
            : NamedAnswersUnit;

        public static RetentionInput From(RetentionSettings s) => new()
        {
            AttendanceAmount = s.AttendanceAmount.ToString(CultureInfo.InvariantCulture),
            AttendanceUnit = s.AttendanceUnit.ToString(),
            UnconfirmedAccountsAmount = s.UnconfirmedAccountsAmount.ToString(CultureInfo.InvariantCulture),
            UnconfirmedAccountsUnit = s.UnconfirmedAccountsUnit.ToString(),
            MailBodiesAmount = s.MailBodiesAmount.ToString(CultureInfo.InvariantCulture),
            MailBodiesUnit = s.MailBodiesUnit.ToString(),
            NamedAnswersAmount = s.NamedAnswersAmount.ToString(CultureInfo.InvariantCulture),
            NamedAnswersUnit = s.NamedAnswersUnit.ToString(),
        };
    }
}
