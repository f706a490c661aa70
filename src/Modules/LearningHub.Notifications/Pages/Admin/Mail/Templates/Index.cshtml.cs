using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Templates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Pages.Admin.Mail.Templates;

[Authorize(Policy = NotificationsPermissions.ManageMail)]
public sealed class IndexModel(LearningHubDbContext db, MailTemplateCatalog catalog) : BoardPageModel
{
    public IReadOnlyList<TemplateRow> Templates { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var changed = await db.Set<BoardMailTemplate>().AsNoTracking().Select(t => t.Key).ToListAsync();
        Templates = catalog.All.Select(d => new TemplateRow(d.Key, d.DisplayName, d.Description, changed.Contains(d.Key))).ToList();
    }

    public sealed record TemplateRow(string Key, string Name, string Description, bool Changed);
}
