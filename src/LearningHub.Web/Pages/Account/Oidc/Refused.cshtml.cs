using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Account.Oidc;

/// <summary>A sign-in through a provider that did not end in an account, said plainly, with a way back.</summary>
public sealed class RefusedModel : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public IdentityProviderRefusal? Reason { get; set; }

    public string Heading => Reason switch
    {
        IdentityProviderRefusal.Cancelled => "You did not finish signing in",
        IdentityProviderRefusal.Unavailable => "Signing in with your work account is not working at the moment",
        IdentityProviderRefusal.UnverifiedEmail or IdentityProviderRefusal.NoEmail => "Your work account has no confirmed email address",
        IdentityProviderRefusal.OtherDomain => "Your email address cannot be used with this sign-in",
        _ => "You could not be signed in",
    };

    public string Explanation => Reason switch
    {
        IdentityProviderRefusal.Cancelled => "Signing in was cancelled at your organisation's sign-in page. Nothing has changed.",
        IdentityProviderRefusal.Unavailable => "Your organisation's sign-in service could not be reached. Try again later, or sign in with a password if you have one.",
        IdentityProviderRefusal.UnverifiedEmail or IdentityProviderRefusal.NoEmail =>
            "Your organisation's sign-in service did not confirm your email address, so it cannot be used to sign in here. Ask your IT service to confirm it, or sign in with a password.",
        IdentityProviderRefusal.OtherDomain =>
            "This sign-in is only for the email addresses of the organisations it belongs to. Choose the button for your own organisation, or sign in with a password.",
        _ => "Your organisation's sign-in did not complete, or the link you followed was out of date or changed. Try signing in again.",
    };

    public void OnGet()
    {
    }
}
