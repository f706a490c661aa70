using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LearningHub.Notifications.Services;

/// <summary>
/// Queues a mail from a template: the board's own wording where it has one, the shipped default
/// otherwise, filled in with the board's name and contact, the recipient's name and the values given.
/// </summary>
public sealed class TemplatedMail(
    LearningHubDbContext db,
    BoardContext boards,
    MailTemplateCatalog catalog,
    MailTemplateRenderer renderer,
    MailQueue queue,
    ILogger<TemplatedMail> logger)
{
    public async Task<RenderedMail> RenderAsync(string templateKey, string recipientName, IReadOnlyDictionary<string, string> values,
        CancellationToken cancellationToken = default)
    {
        var definition = catalog.Find(templateKey) ?? throw new ArgumentException($"No mail template '{templateKey}'.", nameof(templateKey));
        var allValues = MailPlaceholders.CommonValues(boards.Required, recipientName);
        foreach (var (name, value) in values)
        {
            allValues[name] = value;
        }

        var custom = await CustomTemplateAsync(templateKey, cancellationToken);
        if (custom is not null)
        {
            var validation = renderer.Validate(definition, custom.Subject, custom.TextBody, custom.HtmlBody);
            if (validation.IsValid)
            {
                return renderer.Render(definition, custom.Subject, custom.TextBody, custom.HtmlBody, allValues);
            }

            // Saved templates are checked, so this only happens if a later release withdrew a placeholder:
            // the mail still goes, in the default wording.
            logger.LogWarning("Board {Board}'s template {Template} no longer validates ({Problems}); using the default",
                boards.Required.Slug, templateKey, validation);
        }

        return renderer.Render(definition, definition.Subject, definition.TextBody, definition.HtmlBody, allValues);
    }

    /// <summary>Renders the template for one person and puts it in the outbox (the caller saves).</summary>
    /// <param name="keyIsNew">See <see cref="MailQueue.EnqueueAsync"/>.</param>
    /// <param name="qrCodeLink">See <see cref="OutgoingMail"/>.</param>
    public async Task<bool> QueueAsync(string templateKey, string toAddress, string toName, IReadOnlyDictionary<string, string> values,
        string dedupeKey, DateTime? sendAtUtc = null, MailAttachment? attachment = null, CancellationToken cancellationToken = default,
        bool keyIsNew = false, string? qrCodeLink = null)
    {
        var mail = await RenderAsync(templateKey, toName, values, cancellationToken);
        return await queue.EnqueueAsync(dedupeKey, templateKey,
            new OutgoingMail(toAddress, toName, mail.Subject, mail.TextBody, mail.HtmlBody, qrCodeLink), sendAtUtc, attachment, cancellationToken,
            keyIsNew);
    }

    // The board's own wordings, looked up once per template per scope (one request, or one job pass):
    // a batch of bookings renders the same two or three templates many times inside a lock.
    private readonly Dictionary<(Guid BoardId, string Key), BoardMailTemplate?> _customTemplates = [];

    private async Task<BoardMailTemplate?> CustomTemplateAsync(string templateKey, CancellationToken cancellationToken)
    {
        var key = (boards.Required.Id, templateKey);
        if (!_customTemplates.TryGetValue(key, out var custom))
        {
            custom = await db.Set<BoardMailTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Key == templateKey, cancellationToken);
            _customTemplates[key] = custom;
        }

        return custom;
    }
}
