using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LearningHub.Web.Accounts;

/// <summary>
/// Reads the sign-in cookie once per node per <see cref="RememberFor"/> instead of on every request. Decrypting
/// and deserialising the cookie (data protection's key derivation, AES and HMAC, then the claims) was about a
/// fifth of the server time of a signed-in board home page; a browser sends the same cookie text with every
/// request until the cookie is renewed.
/// <para>
/// Only what the cookie itself says is remembered, keyed by its exact text: every check made after reading it
/// still runs on every request (its expiry, the board, the open session, the security stamp when due,
/// <see cref="AccountsSetup"/>), so ending a session or changing roles works as before. Each request gets its
/// own copy of the ticket, so nothing a request does to its principal reaches another. Text that does not
/// decrypt is never remembered, so made-up cookies cannot fill the memory, which is bounded anyway
/// (<see cref="MostRemembered"/> cookies).
/// </para>
/// </summary>
public sealed class RememberedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(1);

    public const int MostRemembered = 20_000;

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = MostRemembered });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText) || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (_tickets.TryGetValue(protectedText, out RememberedTicket? remembered) && remembered!.Until > time.GetUtcNow())
        {
            return remembered.Ticket.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _tickets.Set(protectedText, new RememberedTicket(ticket.Clone(), time.GetUtcNow() + RememberFor),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = RememberFor });
        }

        return ticket;
    }

    public void Dispose() => _tickets.Dispose();

    private sealed record RememberedTicket(AuthenticationTicket Ticket, DateTimeOffset Until);
}

/// <summary>Puts <see cref="RememberedTicketFormat"/> in front of the format ASP.NET Core gives the sign-in cookie.</summary>
public sealed class RememberSignInTickets(TimeProvider time) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        // Runs after the cookie handler's own post-configure (registered earlier, by AddIdentity) has made the format.
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme
            && options.TicketDataFormat is not RememberedTicketFormat and not null)
        {
            options.TicketDataFormat = new RememberedTicketFormat(options.TicketDataFormat, time);
        }
    }
}
