using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningHub.Events.Services;

public enum ApprovalDecision
{
    Approve,
    Decline,
}

/// <summary>What an approval link says, once its signature has been checked.</summary>
public sealed record ApprovalClaim(Guid BookingId, ApprovalDecision Decision, string Nonce);

/// <summary>
/// Signed links that need no account: a line manager's approve and decline links, and the check-in
/// link in each confirmation's QR code. Signed with ASP.NET Core data protection, so a changed
/// character makes the link worthless; single use and expiry are checked against the booking.
/// </summary>
public sealed class EventTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _approval = protection.CreateProtector("LearningHub.Events.Approval.v1");
    private readonly IDataProtector _checkIn = protection.CreateProtector("LearningHub.Events.CheckIn.v1");

    public static string NewNonce() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public string Approval(Guid bookingId, ApprovalDecision decision, string nonce) =>
        _approval.Protect($"{bookingId:N}|{decision}|{nonce}");

    public ApprovalClaim? ReadApproval(string token)
    {
        var parts = Unprotect(_approval, token)?.Split('|');
        return parts is [var id, var decision, var nonce]
               && Guid.TryParseExact(id, "N", out var bookingId)
               && Enum.TryParse<ApprovalDecision>(decision, out var parsed)
            ? new ApprovalClaim(bookingId, parsed, nonce)
            : null;
    }

    public string CheckIn(Guid bookingId) => _checkIn.Protect(bookingId.ToString("N"));

    public Guid? ReadCheckIn(string token) =>
        Guid.TryParseExact(Unprotect(_checkIn, token) ?? "", "N", out var bookingId) ? bookingId : null;

    private static string? Unprotect(IDataProtector protector, string token)
    {
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
