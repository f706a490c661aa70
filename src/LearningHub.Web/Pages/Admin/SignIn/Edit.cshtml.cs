using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Admin.SignIn;

/// <summary>
/// Adds or changes one of the board's identity providers. The client secret is stored encrypted and never shown
/// back; the changes are audited (<see cref="IdentityProviderEditor"/>).
/// </summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class EditModel(IdentityProviderEditor editor, BoardLinks links) : BoardPageModel
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    [FromRoute]
    public string? Key { get; set; }

    public bool IsNew => Key is null;

    public string SecretHint { get; private set; } = "";

    public string CallbackUrl { get; private set; } = "";

    public string SignedOutUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var provider = await LoadAsync();
        if (provider is not null)
        {
            Input = new ProviderInput
            {
                ButtonLabel = provider.ButtonLabel,
                Authority = provider.Authority,
                ClientId = provider.ClientId,
                Scopes = provider.Scopes,
                EmailDomains = string.Join('\n', provider.DomainList),
                DomainsMustUseProvider = provider.DomainsMustUseProvider,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var provider = await LoadAsync();
        var key = provider?.Key ?? Input.Key?.Trim() ?? "";
        if (provider is null)
        {
            if (string.IsNullOrEmpty(Input.Key))
            {
                ModelState.AddModelError("Input.Key", "Enter a short name for addresses, like nhs");
            }
            else if (!IdentityProviderRules.KeyPattern().IsMatch(key))
            {
                ModelState.AddModelError("Input.Key", "Use lowercase letters, digits and hyphens only, like nhs or county-police");
            }
            else if (await editor.FindAsync(key) is not null)
            {
                ModelState.AddModelError("Input.Key", "This board already has a provider with that short name");
            }

            if (string.IsNullOrEmpty(Input.ClientSecret))
            {
                ModelState.AddModelError("Input.ClientSecret", "Enter the client secret");
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.Authority) && !IdentityProviderRules.IsAuthority(Input.Authority.Trim()))
        {
            ModelState.AddModelError("Input.Authority", "Enter the authority as a full https address, like https://login.microsoftonline.com/{tenant ID}/v2.0");
        }

        var domains = IdentityProviderRules.ParseDomains(Input.EmailDomains);
        if (!string.IsNullOrWhiteSpace(Input.EmailDomains) && domains is null)
        {
            ModelState.AddModelError("Input.EmailDomains", "Enter email domains like nhs.net, one a line");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await editor.SaveAsync(new IdentityProviderChange(
            key, Input.ButtonLabel!, Input.Authority!, Input.ClientId!, Input.ClientSecret, Input.Scopes ?? "",
            domains!, Input.DomainsMustUseProvider));
        return RedirectToPage("/Admin/SignIn/Edit", new { key });
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var provider = await LoadAsync().OrNotFound();
        await editor.RemoveAsync(provider);
        return RedirectToPage("/Admin/SignIn/Index");
    }

    private async Task<BoardIdentityProvider?> LoadAsync()
    {
        var provider = Key is null ? null : await editor.FindAsync(Key).OrNotFound();
        SecretHint = provider is null
            ? "The secret the provider gave LearningHub. It is stored encrypted and never shown again"
            : "A client secret is stored. Leave blank to keep it, or enter a new one to replace it";
        if (provider is not null)
        {
            CallbackUrl = links.BaseUrl + IdentityProviderPaths.Callback(Board.Slug, provider.Key);
            SignedOutUrl = links.BaseUrl + IdentityProviderPaths.SignedOut(Board.Slug, provider.Key);
        }

        return provider;
    }

    public sealed class ProviderInput
    {
        [Display(Order = 1)]
        [StringLength(40, ErrorMessage = "The short name must be 40 characters or fewer")]
        public string? Key { get; set; }

        [Display(Order = 2)]
        [Required(ErrorMessage = "Enter the button label, like Sign in with your NHS account")]
        [StringLength(100, ErrorMessage = "The button label must be 100 characters or fewer")]
        public string? ButtonLabel { get; set; }

        [Display(Order = 3)]
        [Required(ErrorMessage = "Enter the authority, the provider's issuer address")]
        [StringLength(500, ErrorMessage = "The authority must be 500 characters or fewer")]
        public string? Authority { get; set; }

        [Display(Order = 4)]
        [Required(ErrorMessage = "Enter the client ID")]
        [StringLength(256, ErrorMessage = "The client ID must be 256 characters or fewer")]
        public string? ClientId { get; set; }

        [Display(Order = 5)]
        [StringLength(1000, ErrorMessage = "The client secret must be 1000 characters or fewer")]
        public string? ClientSecret { get; set; }

        [Display(Order = 6)]
        [StringLength(500, ErrorMessage = "The scopes must be 500 characters or fewer")]
        public string? Scopes { get; set; } = "profile email";

        [Display(Order = 7)]
        [Required(ErrorMessage = "Enter the email domains this provider is for, like nhs.net")]
        [StringLength(1000, ErrorMessage = "The email domains must be 1000 characters or fewer")]
        public string? EmailDomains { get; set; }

        [Display(Order = 8)]
        public bool DomainsMustUseProvider { get; set; }
    }
}
