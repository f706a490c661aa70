using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Events.Pages.Events;

/// <summary>The question page of booking: the board's question and, where approval is needed, the line manager's email.</summary>
[Authorize]
public sealed class BookModel(LearningHubDbContext db, Practitioners practitioners) : BoardPageModel
{
    [BindProperty]
    public QuestionsInput Input { get; set; } = new();

    public LearningEvent Event { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } problem)
        {
            return problem;
        }

        if (Event.BookingQuestion is null && !Event.RequiresApproval)
        {
            return RedirectToPage("/Events/Check", new { id });
        }

        var draft = BookingDraft.Load(TempData, id);
        Input.Answer = draft?.Answer;
        Input.LineManagerEmail = draft?.LineManagerEmail ?? (await practitioners.BookerAsync(User))?.LineManagerEmail;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } problem)
        {
            return problem;
        }

        if (Event.BookingQuestion is not null && string.IsNullOrWhiteSpace(Input.Answer))
        {
            ModelState.AddModelError("Input.Answer", "Answer the question, or write 'None'");
        }

        if (Event.RequiresApproval && string.IsNullOrWhiteSpace(Input.LineManagerEmail))
        {
            ModelState.AddModelError("Input.LineManagerEmail", "Enter your line manager's email address");
        }
        else if (Event.RequiresApproval && (await practitioners.BookerAsync(User))?.Booker.IsOwnAddress(Input.LineManagerEmail) == true)
        {
            ModelState.AddModelError("Input.LineManagerEmail", EventText.LineManagerIsYou);
        }

        if (!Event.RequiresApproval)
        {
            ModelState.Remove("Input.LineManagerEmail");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        new BookingDraft(Input.Answer?.Trim(), Event.RequiresApproval ? Input.LineManagerEmail?.Trim() : null).Save(TempData, id);
        return RedirectToPage("/Events/Check", new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var ev = await BookingQueries.ShownEvent.For(db)(db, id, HttpContext.RequestAborted);
        if (ev is null)
        {
            return NotFound();
        }

        Event = ev;
        return null;
    }

    public sealed class QuestionsInput
    {
        [StringLength(2000, ErrorMessage = "Your answer must be 2,000 characters or fewer")]
        public string? Answer { get; set; }

        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        [StringLength(256, ErrorMessage = "The email address must be 256 characters or fewer")]
        public string? LineManagerEmail { get; set; }
    }
}
