using System.Security.Claims;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace LearningHub.Tests.Accounts;

/// <summary>
/// The sign-in cookie is decrypted once per node per minute, not on every request; each request still gets a
/// ticket of its own, and text that does not decrypt is never remembered.
/// </summary>
public sealed class RememberedTicketFormatTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>ASP.NET Core's own cookie format, counting how often it is asked to decrypt.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly TicketDataFormat _real = new(new EphemeralDataProtectionProvider().CreateProtector("tests"));

        public int Decrypted { get; private set; }

        public string Protect(AuthenticationTicket data) => _real.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => _real.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decrypted++;
            return _real.Unprotect(protectedText, purpose);
        }
    }

    private static AuthenticationTicket Ticket() =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "account-1"), new Claim(ClaimTypes.Role, "Practitioner")], "Identity.Application")),
            new AuthenticationProperties { IssuedUtc = new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero) }, "Identity.Application");

    [Fact]
    public void The_same_cookie_is_decrypted_once_and_each_request_gets_its_own_ticket()
    {
        var inner = new CountingFormat();
        using var format = new RememberedTicketFormat(inner, new Clock());
        var cookie = format.Protect(Ticket());

        var first = format.Unprotect(cookie)!;
        first.Principal.Identities.Single().AddClaim(new Claim(ClaimTypes.Role, "Board administrator"));
        first.Properties.IssuedUtc = DateTimeOffset.MaxValue;
        var second = format.Unprotect(cookie)!;

        Assert.Equal(1, inner.Decrypted);
        Assert.NotSame(first, second);
        Assert.Equal(["Practitioner"], second.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero), second.Properties.IssuedUtc);
        Assert.Equal("account-1", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public void A_cookie_is_decrypted_again_once_a_minute_has_passed()
    {
        var inner = new CountingFormat();
        var clock = new Clock();
        using var format = new RememberedTicketFormat(inner, clock);
        var cookie = format.Protect(Ticket());

        format.Unprotect(cookie);
        clock.Now += RememberedTicketFormat.RememberFor + TimeSpan.FromSeconds(1);
        format.Unprotect(cookie);

        Assert.Equal(2, inner.Decrypted);
    }

    [Fact]
    public void Text_that_does_not_decrypt_is_refused_every_time_and_not_remembered()
    {
        var inner = new CountingFormat();
        using var format = new RememberedTicketFormat(inner, new Clock());
        var forged = format.Protect(Ticket())[..^8] + "AAAAAAAA";

        Assert.Null(format.Unprotect(forged));
        Assert.Null(format.Unprotect(forged));
        Assert.Equal(2, inner.Decrypted);
    }
}
