using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Templates;

/// <summary>A board's own wording of a mail: changed or restored to LearningHub's, each with its audit entry in the same save.</summary>
public sealed class MailTemplateEditor(LearningHubDbContext db, TimeProvider clock, AuditLog audit)
{
    /// <summary>Saves the board's wording of <paramref name="definition"/> (already checked by the renderer).</summary>
    public async Task SaveAsync(MailTemplateDefinition definition, string subject, string textBody, string htmlBody, CancellationToken cancellationToken = default)
    {
        var custom = await db.Set<BoardMailTemplate>().SingleOrDefaultAsync(t => t.Key == definition.Key, cancellationToken);
        if (custom is null)
        {
            custom = new BoardMailTemplate { Key = definition.Key, Subject = "", TextBody = "", HtmlBody = "" };
            db.Add(custom);
        }

        custom.Subject = subject;
        custom.TextBody = textBody;
        custom.HtmlBody = htmlBody;
        custom.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record("mail.template.changed", new AuditTarget("MailTemplate", definition.Key, definition.DisplayName), new { subject = custom.Subject });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Goes back to LearningHub's wording; nothing is recorded when the board had not changed it.</summary>
    public async Task RestoreAsync(MailTemplateDefinition definition, CancellationToken cancellationToken = default)
    {
        // Removed and audited in one save, so the log never records a restore that did not happen.
        if (await db.Set<BoardMailTemplate>().SingleOrDefaultAsync(t => t.Key == definition.Key, cancellationToken) is { } custom)
        {
            db.Remove(custom);
            audit.Record("mail.template.restored", new AuditTarget("MailTemplate", definition.Key, definition.DisplayName));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
