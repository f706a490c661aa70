using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Notifications.Templates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events.Manage;

/// <summary>
/// A message to everyone with a place, checked before it goes (GOV.UK check answers: it mails many people and cannot
/// be called back): write it, read the mail as it will arrive and to how many, change it or send it. The draft is
/// kept in TempData between the two, as a booking's answers are.
/// </summary>
[Authorize(Policy = EventsPermissions.ManageEvents)]
public sealed class MessageModel(LearningHubDbContext db, EventAdmin admin, BookingMail mail) : BoardPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter a message")]
    [StringLength(4000, ErrorMessage = "The message must be 4,000 characters or fewer")]
    public string? Message { get; set; }

    public LearningEvent Event { get; private set; } = default!;

    /// <summary>Showing the check page (rather than the message box).</summary>
    public bool Checking { get; private set; }

    public int RecipientCount { get; private set; }

    public RenderedMail? Preview { get; private set; }

    public string? PreviewFor { get; private set; }

    private static string DraftKey(Guid id) => $"events.message.{id:N}";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        Message = TempData.Peek(DraftKey(id)) as string;
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (ModelState.IsValid && string.IsNullOrWhiteSpace(Message))
        {
            ModelState.AddModelError(nameof(Message), "Enter a message");
        }

        if (ModelState.IsValid)
        {
            CheckSendable();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData[DraftKey(id)] = Message!.Trim();
        return RedirectToPage(null, "Check", new { id });
    }

    public async Task<IActionResult> OnGetCheckAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Message = TempData.Peek(DraftKey(id)) as string;
        if (Message is null)
        {
            return RedirectToPage(null, null, new { id });
        }

        var first = await admin.MessageRecipients(id).AsNoTracking().OrderBy(b => b.CreatedUtc).FirstOrDefaultAsync();
        if (first is null)
        {
            ModelState.Clear();
            CheckSendable();
            return Page();
        }

        Checking = true;
        Preview = await mail.PreviewMessageAsync(Event, first, Message, HttpContext.RequestAborted);
        PreviewFor = first.FullName;
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        Message = TempData.Peek(DraftKey(id)) as string;
        if (Message is null)
        {
            // The draft has gone (another tab sent it, or it expired): nothing is sent twice or blank.
            ModelState.AddModelError(nameof(Message), "Your message was not kept. Enter it again");
            return Page();
        }

        CheckSendable();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await admin.MessageAttendeesAsync(id, Message, HttpContext.RequestAborted);
        TempData.Remove(DraftKey(id));
        return RedirectToPage("/Events/Manage/Event", new { id, done = "messaged" });
    }

    /// <summary>Only a published event's confirmed places are messaged, and there must be someone to mail.</summary>
    private void CheckSendable()
    {
        if (Event.Status != EventStatus.Published)
        {
            ModelState.AddModelError(nameof(Message), "Only a published event's bookings can be messaged");
        }
        else if (RecipientCount == 0)
        {
            ModelState.AddModelError(nameof(Message), "Nobody has a confirmed place yet, so there is nobody to message");
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ev = await db.Set<LearningEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
        if (ev is null)
        {
            return false;
        }

        Event = ev;
        RecipientCount = await admin.MessageRecipients(id).CountAsync();
        return true;
    }
}
