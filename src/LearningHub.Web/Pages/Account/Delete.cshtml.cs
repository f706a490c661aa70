using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Core.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using LearningHub.Web.Accounts;

namespace LearningHub.Web.Pages.Account;

/// <summary>
/// A person deletes their own account: the password confirms it is them (a session left open is not enough),
/// then every module erases or anonymises their data in one transaction and they are signed out.
/// </summary>
[Authorize]
[AllowIncompleteProfile]
public sealed class DeleteModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, PersonalDataRights rights)
    : BoardPageModel
{
    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user || await rights.SubjectAsync(user.Id, cancellationToken) is not { } subject)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Counts toward lockout, as signing in does, so the page cannot be used to guess a password.
        var check = await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.Password", check.IsLockedOut
                ? "Your account is locked for a few minutes after too many wrong passwords. Try again later"
                : "The password is not right. Enter the password you sign in with");
            return Page();
        }

        // A board must keep someone who can manage its people; the board query filter keeps the count to this board.
        if (await users.IsInRoleAsync(user, BoardRoles.BoardAdmin)
            && (await users.GetUsersInRoleAsync(BoardRoles.BoardAdmin)).Count(u => u.Id != user.Id) == 0)
        {
            ModelState.AddModelError(string.Empty,
                "You are the board's only board administrator. Give another person that role before you delete your account");
            return Page();
        }

        await rights.EraseAsync(subject, byThemselves: true, cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Deleted");
    }

    public sealed class DeleteInput
    {
        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }
}
