using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Services;

/// <summary>What another module needs to know about a form.</summary>
public sealed record FormInfo(Guid Id, string Key, string Title, FormPurpose Purpose, bool IsAnonymous, int CurrentVersion, int QuestionCount);

/// <summary>
/// The forms module's public face for other modules (Cases, Events). A context is text the caller
/// chooses (<see cref="FormContexts"/>): Cases uses <c>case-module:{module}:{section}</c>, Events
/// <c>event:{id}</c>. Methods that change data leave saving to the caller, so the change lands in the
/// caller's own unit of work.
/// </summary>
public interface IFormFilling
{
    /// <summary>The board's form with that key, or null.</summary>
    Task<FormInfo?> FindAsync(string formKey, CancellationToken cancellationToken = default);

    /// <summary>The forms attached to a context, optionally only those of one purpose (an event's evaluation).</summary>
    Task<IReadOnlyList<FormInfo>> FormsForContextAsync(string context, FormPurpose? purpose = null, CancellationToken cancellationToken = default);

    /// <summary>Asks the form in the context (idempotent). The caller saves. Throws for an unknown form or a bad context.</summary>
    Task AttachAsync(string formKey, string context, CancellationToken cancellationToken = default);

    /// <summary>Stops asking the form in the context; answers already given stay. The caller saves.</summary>
    Task DetachAsync(string formKey, string context, CancellationToken cancellationToken = default);

    /// <summary>Whether the person has submitted the form in the context (true for anonymous forms too, without linking to the answers).</summary>
    Task<bool> HasSubmittedAsync(string formKey, string context, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Of these contexts, those where the person still has a form of the purpose to submit: a form attached
    /// there whose current version has a required question, with no submission of theirs in that context.
    /// One query, so a module can ask it for all its sections at once.
    /// </summary>
    Task<IReadOnlySet<string>> UnansweredContextsAsync(IReadOnlyCollection<string> contexts, FormPurpose purpose, string userId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The board-relative address where a signed-in person fills the form in, e.g.
    /// <c>/norfolk/forms/event-evaluation?context=event:42&amp;returnUrl=/norfolk/events/42</c>. The return
    /// address is kept only if it is local to the site; the confirmation page links back to it.
    /// </summary>
    string FillUrl(string formKey, string context, string? returnUrl = null);

    /// <summary>
    /// The person's own submitted answers to named forms of a purpose in contexts of a kind (<c>case-module</c>),
    /// newest first, with each question's text as they answered it: their record of what they wrote.
    /// </summary>
    Task<IReadOnlyList<MyAnswer>> MyAnswersAsync(string contextKind, FormPurpose purpose, string userId, CancellationToken cancellationToken = default);
}

/// <summary>One answer the person gave: the form, the context it was given in, the question as asked, and when.</summary>
public sealed record MyAnswer(string FormTitle, string Context, int QuestionPosition, string Question, string Answer, DateTime SubmittedUtc);

public sealed class FormFilling(LearningHubDbContext db, BoardLinks links, TimeProvider clock) : IFormFilling
{
    public async Task<FormInfo?> FindAsync(string formKey, CancellationToken cancellationToken = default)
    {
        var form = await db.Set<Form>().AsNoTracking().SingleOrDefaultAsync(f => f.Key == formKey, cancellationToken);
        return form is null ? null : await InfoAsync(form, cancellationToken);
    }

    public async Task<IReadOnlyList<FormInfo>> FormsForContextAsync(string context, FormPurpose? purpose = null, CancellationToken cancellationToken = default)
    {
        var formIds = db.Set<FormAttachment>().Where(a => a.Context == context).Select(a => a.FormId);
        var forms = await db.Set<Form>().AsNoTracking()
            .Where(f => formIds.Contains(f.Id) && (purpose == null || f.Purpose == purpose))
            .OrderBy(f => f.Title).ToListAsync(cancellationToken);
        var result = new List<FormInfo>();
        foreach (var form in forms)
        {
            result.Add(await InfoAsync(form, cancellationToken));
        }

        return result;
    }

    public async Task AttachAsync(string formKey, string context, CancellationToken cancellationToken = default)
    {
        if (!FormContexts.IsValid(context))
        {
            throw new ArgumentException($"'{context}' is not a form context.", nameof(context));
        }

        // A form defined earlier in the same unit of work (a recipe step) is found before it is saved.
        var form = db.Set<Form>().Local.SingleOrDefault(f => f.Key == formKey)
                   ?? await db.Set<Form>().SingleOrDefaultAsync(f => f.Key == formKey, cancellationToken)
                   ?? throw new ArgumentException($"No form '{formKey}' on this board.", nameof(formKey));
        var attachments = db.Set<FormAttachment>();
        if (attachments.Local.Any(a => a.FormId == form.Id && a.Context == context)
            || await attachments.AnyAsync(a => a.FormId == form.Id && a.Context == context, cancellationToken))
        {
            return;
        }

        attachments.Add(new FormAttachment { FormId = form.Id, Context = context, CreatedUtc = clock.GetUtcNow().UtcDateTime });
    }

    public async Task DetachAsync(string formKey, string context, CancellationToken cancellationToken = default)
    {
        var attachment = await db.Set<FormAttachment>()
            .Where(a => a.Context == context && db.Set<Form>().Any(f => f.Id == a.FormId && f.Key == formKey))
            .SingleOrDefaultAsync(cancellationToken);
        if (attachment is not null)
        {
            db.Remove(attachment);
        }
    }

    public Task<bool> HasSubmittedAsync(string formKey, string context, string userId, CancellationToken cancellationToken = default) =>
        db.Set<FormResponseReceipt>().AnyAsync(
            r => r.Context == context && r.UserId == userId && db.Set<Form>().Any(f => f.Id == r.FormId && f.Key == formKey),
            cancellationToken);

    public async Task<IReadOnlySet<string>> UnansweredContextsAsync(IReadOnlyCollection<string> contexts, FormPurpose purpose,
        string userId, CancellationToken cancellationToken = default)
    {
        if (contexts.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var wanted = contexts.Distinct(StringComparer.Ordinal).ToList();
        return await FormQueries.UnansweredContexts.For(db)(db, wanted, purpose, userId).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
    }

    public async Task<IReadOnlyList<MyAnswer>> MyAnswersAsync(string contextKind, FormPurpose purpose, string userId,
        CancellationToken cancellationToken = default)
    {
        var prefix = contextKind + ":";
        var rows = await (from s in db.Set<FormSubmission>().AsNoTracking()
                          where s.UserId == userId && s.SubmittedUtc != null && s.Context.StartsWith(prefix)
                          join f in db.Set<Form>() on s.FormId equals f.Id
                          where f.Purpose == purpose
                          from a in s.Answers
                          join q in db.Set<FormQuestion>() on a.QuestionId equals q.Id
                          select new { f.Title, s.Context, q.Position, q.Text, a.Value, s.SubmittedUtc })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.SubmittedUtc).ThenBy(r => r.Context, StringComparer.Ordinal).ThenBy(r => r.Position)
            .Select(r => new MyAnswer(r.Title, r.Context, r.Position, r.Text, r.Value, r.SubmittedUtc!.Value)).ToList();
    }

    public string FillUrl(string formKey, string context, string? returnUrl = null) =>
        links.Path("/Forms/Start", new { key = formKey, context, returnUrl = ReturnUrls.IsLocal(returnUrl) ? returnUrl : null });

    private async Task<FormInfo> InfoAsync(Form form, CancellationToken cancellationToken)
    {
        var count = await db.Set<FormQuestion>()
            .CountAsync(q => db.Set<FormVersion>().Any(v => v.Id == q.FormVersionId && v.FormId == form.Id && v.Number == form.CurrentVersion), cancellationToken);
        return new FormInfo(form.Id, form.Key, form.Title, form.Purpose, form.IsAnonymous, form.CurrentVersion, count);
    }
}

public static class ReturnUrls
{
    /// <summary>A path on this site (<c>/norfolk/...</c>), never another site (<c>//evil.example</c>, <c>/\evil</c>, <c>https://...</c>).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 500 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}

/// <summary>
/// Forms' queries that signed-in pages ask on every view, compiled (<see cref="CompiledPerModel{TQuery}"/>): the
/// unanswered contexts' query, with its three nested conditions, was most of a signed-in module page's CPU when EF Core
/// made its cache key from the expression tree at every call (bench/README.md, "Session 16").
/// </summary>
internal static class FormQueries
{
    public static readonly CompiledPerModel<Func<LearningHubDbContext, List<string>, FormPurpose, string, IAsyncEnumerable<string>>> UnansweredContexts = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, List<string> wanted, FormPurpose purpose, string userId) =>
            (from attachment in db.Set<FormAttachment>()
             join form in db.Set<Form>() on attachment.FormId equals form.Id
             where wanted.Contains(attachment.Context) && form.Purpose == purpose
                   && db.Set<FormQuestion>().Any(q => q.IsRequired && db.Set<FormVersion>()
                       .Any(v => v.Id == q.FormVersionId && v.FormId == form.Id && v.Number == form.CurrentVersion))
                   && !db.Set<FormResponseReceipt>()
                       .Any(r => r.FormId == form.Id && r.Context == attachment.Context && r.UserId == userId)
             select attachment.Context)
            .Distinct()));
}
