using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Forms.Domain;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Services;

/// <summary>
/// The person a request goes to: their account (or, for someone without one, an id of the caller's making), name and
/// email address. Someone without an account (<paramref name="HasAccount"/> false) is mailed a signed link that
/// opens the form without signing in (<see cref="FormAnswerLinks"/>).
/// </summary>
public sealed record FormRecipient(string UserId, string Name, string Email, bool HasAccount = true);

/// <summary>
/// A request to answer a form, for other modules to send: an evaluation request now, or a follow-up
/// later. <paramref name="SiteAddress"/> is the site's public origin (<c>https://learning.example.org</c>),
/// which a background job cannot read from a request. <paramref name="About"/> names what the form
/// follows ("Coercive control briefing, 12 March 2026").
/// </summary>
public sealed record FormRequest(string FormKey, string Context, FormRecipient Recipient, string About, Uri SiteAddress);

/// <summary>
/// Sends requests to answer forms through the notifications outbox. Each mail has a dedupe key made
/// from form, context and person, so asking twice sends once, and a scheduled follow-up can be called
/// off (a booking cancelled). The caller saves, so the request lands with the change that caused it.
/// </summary>
public sealed class FormRequests(LearningHubDbContext db, BoardContext boards, TemplatedMail mail, MailQueue queue, IFormFilling filling,
    FormAnswerLinks answerLinks, TimeProvider clock)
{
    /// <summary>Asks the person to answer the form now (an event's evaluation). False if already asked.</summary>
    public Task<bool> RequestEvaluationAsync(FormRequest request, CancellationToken cancellationToken = default) =>
        QueueAsync(FormMailTemplates.EvaluationRequest.Key, request, request.Recipient.Email, request.Recipient.Name,
            DedupeKey("evaluation", request), sendAtUtc: null, cancellationToken);

    /// <summary>
    /// Schedules the follow-up mail for <paramref name="dueUtc"/>, and a copy to the line manager when
    /// <paramref name="lineManagerEmail"/> is given. False if it was already scheduled.
    /// </summary>
    public async Task<bool> ScheduleFollowUpAsync(FormRequest request, DateTime dueUtc, string? lineManagerEmail = null,
        CancellationToken cancellationToken = default)
    {
        var queued = await QueueAsync(FormMailTemplates.FollowUpRequest.Key, request, request.Recipient.Email, request.Recipient.Name,
            DedupeKey("follow-up", request), dueUtc, cancellationToken);
        if (queued && !string.IsNullOrWhiteSpace(lineManagerEmail))
        {
            await QueueAsync(FormMailTemplates.FollowUpRequest.Key, request, lineManagerEmail.Trim(), $"Line manager of {request.Recipient.Name}",
                DedupeKey("follow-up", request) + ":line-manager", dueUtc, cancellationToken);
        }

        return queued;
    }

    /// <summary>Calls off a scheduled follow-up (and its line manager copy) not yet sent. The caller saves.</summary>
    public async Task<bool> CancelFollowUpAsync(string formKey, string context, string userId, CancellationToken cancellationToken = default)
    {
        var key = DedupeKey("follow-up", formKey, context, userId);
        var cancelled = await queue.CancelAsync(key, cancellationToken);
        await queue.CancelAsync(key + ":line-manager", cancellationToken);
        return cancelled;
    }

    /// <summary>
    /// The outbox key of a request. The outbox keeps keys to 180 characters here (leaving room for the
    /// line manager suffix), so a long one is replaced by its SHA-256: still the same key every time.
    /// </summary>
    public static string DedupeKey(string kind, string formKey, string context, string userId)
    {
        var key = $"forms.{kind}:{formKey}:{context}:{userId}";
        return key.Length <= 180
            ? key
            : $"forms.{kind}:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))}";
    }

    private static string DedupeKey(string kind, FormRequest request) => DedupeKey(kind, request.FormKey, request.Context, request.Recipient.UserId);

    private async Task<bool> QueueAsync(string template, FormRequest request, string toAddress, string toName, string dedupeKey,
        DateTime? sendAtUtc, CancellationToken cancellationToken)
    {
        var form = await db.Set<Form>().AsNoTracking().SingleOrDefaultAsync(f => f.Key == request.FormKey, cancellationToken)
                   ?? throw new ArgumentException($"No form '{request.FormKey}' on board {boards.Required.Slug}.", nameof(request));
        var link = new Uri(request.SiteAddress, filling.FillUrl(form.Key, request.Context)).ToString();
        if (!request.Recipient.HasAccount)
        {
            var expires = (sendAtUtc is { } sendAt ? new DateTimeOffset(sendAt, TimeSpan.Zero) : clock.GetUtcNow()) + FormAnswerLinks.Lifetime;
            link = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(link, FormAnswerLinks.QueryName,
                answerLinks.Create(form.Key, request.Context, request.Recipient.UserId, expires));
        }

        return await mail.QueueAsync(template, toAddress, toName, new Dictionary<string, string>
        {
            [FormMailTemplates.FormTitle] = form.Title,
            [FormMailTemplates.About] = request.About,
            [FormMailTemplates.Link] = link,
        }, dedupeKey, sendAtUtc, cancellationToken: cancellationToken);
    }
}
