using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Admin.Settings;

/// <summary>
/// The board's name, contacts and the text every page's footer carries (partners, the out-of-hours safeguarding
/// line), and the lawful bases its privacy notice states. Like retention, it is the board administrator's, so it sits
/// with the permission they alone hold by default.
/// </summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class IndexModel(BoardSettingsChanges settings) : BoardPageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Input = SettingsInput.From(await settings.CurrentAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changed = await settings.SaveAsync(Input.ToSettings(), cancellationToken);
        Done = changed ? "The board's settings were saved" : "Nothing had changed";
        return RedirectToPage();
    }

    public sealed class SettingsInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Enter the board's name")]
        [StringLength(200, ErrorMessage = "The board's name must be 200 characters or fewer")]
        public string? Name { get; set; }

        [Display(Order = 2)]
        [Required(ErrorMessage = "Enter the board's short name")]
        [StringLength(20, ErrorMessage = "The short name must be 20 characters or fewer")]
        public string? ShortName { get; set; }

        [Display(Order = 3)]
        [Required(ErrorMessage = "Enter the board's contact email address")]
        [StringLength(256, ErrorMessage = "The email address must be 256 characters or fewer")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string? ContactEmail { get; set; }

        [Display(Order = 4)]
        [StringLength(40, ErrorMessage = "The phone number must be 40 characters or fewer")]
        [RegularExpression(PhonePattern, ErrorMessage = "Enter a phone number, like 01632 960 001")]
        public string? ContactPhone { get; set; }

        [Display(Order = 5)]
        [StringLength(1000, ErrorMessage = "The footer text must be 1,000 characters or fewer")]
        public string? FooterText { get; set; }

        [Display(Order = 6)]
        [StringLength(1000, ErrorMessage = "The partners must be 1,000 characters or fewer")]
        public string? PartnersText { get; set; }

        [Display(Order = 7)]
        [StringLength(1000, ErrorMessage = "What to do if a child is at risk now must be 1,000 characters or fewer")]
        public string? OutOfHoursText { get; set; }

        [Display(Order = 8)]
        [StringLength(40, ErrorMessage = "The out-of-hours phone number must be 40 characters or fewer")]
        [RegularExpression(PhonePattern, ErrorMessage = "Enter the out-of-hours phone number, like 0344 800 8020")]
        public string? OutOfHoursPhone { get; set; }

        [Display(Order = 9)]
        [StringLength(4000, ErrorMessage = "The lawful bases must be 4,000 characters or fewer")]
        public string? LawfulBasisText { get; set; }

        [Display(Order = 10)]
        [StringLength(4000, ErrorMessage = "The accessibility notes must be 4,000 characters or fewer")]
        public string? AccessibilityNotesText { get; set; }

        /// <summary>Digits with spaces, brackets, hyphens and a leading +: what people write a UK or international number as.</summary>
        private const string PhonePattern = @"^\+?[0-9 ()\-]{3,40}$";

        public static SettingsInput From(BoardSettings s) => new()
        {
            Name = s.Name,
            ShortName = s.ShortName,
            ContactEmail = s.ContactEmail,
            ContactPhone = s.ContactPhone,
            FooterText = s.FooterText,
            PartnersText = s.PartnersText,
            OutOfHoursText = s.OutOfHoursText,
            OutOfHoursPhone = s.OutOfHoursPhone,
            LawfulBasisText = s.LawfulBasisText,
            AccessibilityNotesText = s.AccessibilityNotesText,
        };

        public BoardSettings ToSettings() => new(Name!.Trim(), ShortName!.Trim(), ContactEmail!.Trim(), Blank(ContactPhone),
            Blank(FooterText), Blank(PartnersText), Blank(OutOfHoursText), Blank(OutOfHoursPhone), Blank(LawfulBasisText),
            Blank(AccessibilityNotesText));

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
