using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Services;

/// <summary>A form as one person fills it in: the version they answer, its pages, and their draft.</summary>
public sealed class FillingSession(Form form, FormVersion version, FormSubmission? draft, bool alreadySubmitted, bool mayAnswer)
{
    /// <summary>Long forms are split into pages of a few questions (GOV.UK: one thing per page, or a short group).</summary>
    public const int QuestionsPerPage = 5;

    public Form Form => form;

    public FormVersion Version => version;

    public FormSubmission? Draft => draft;

    public bool AlreadySubmitted => alreadySubmitted;

    /// <summary>Whether the form is asked of this person in this context (<see cref="FormEntitlement"/>); nothing is saved otherwise.</summary>
    public bool MayAnswer => mayAnswer;

    public IReadOnlyList<FormQuestion> Questions { get; } = version.Questions.OrderBy(q => q.Position).ToList();

    public int PageCount => Math.Max(1, (Questions.Count + QuestionsPerPage - 1) / QuestionsPerPage);

    public IReadOnlyList<FormQuestion> Page(int number) =>
        Questions.Skip((number - 1) * QuestionsPerPage).Take(QuestionsPerPage).ToList();

    public int PageOf(FormQuestion question) => Questions.ToList().IndexOf(question) / QuestionsPerPage + 1;

    public string? StoredAnswer(FormQuestion question) =>
        draft?.Answers.FirstOrDefault(a => a.QuestionId == question.Id)?.Value;
}

/// <summary>Drafts and submissions: saving a page of answers, and submitting in one save.</summary>
public sealed class FormResponses(LearningHubDbContext db, FormEntitlement entitlement, TimeProvider clock)
{
    /// <summary>The form by key with the version this person answers (their draft's, or the current one); null if no such form.</summary>
    public async Task<FillingSession?> OpenAsync(string formKey, string context, string userId, CancellationToken cancellationToken = default)
    {
        var form = await db.Set<Form>().AsNoTracking().SingleOrDefaultAsync(f => f.Key == formKey, cancellationToken);
        if (form is null)
        {
            return null;
        }

        // Two first pages saved at the same moment (two tabs) can make two drafts: the latest one is used.
        var draft = await db.Set<FormSubmission>().Include(s => s.Answers)
            .Where(s => s.FormId == form.Id && s.Context == context && s.UserId == userId && s.SubmittedUtc == null)
            .OrderByDescending(s => s.UpdatedUtc).FirstOrDefaultAsync(cancellationToken);
        var versionId = draft?.FormVersionId;
        var version = await db.Set<FormVersion>().AsNoTracking().Include(v => v.Questions)
            .SingleAsync(v => v.FormId == form.Id && (versionId == null ? v.Number == form.CurrentVersion : v.Id == versionId), cancellationToken);
        var submitted = await db.Set<FormResponseReceipt>()
            .AnyAsync(r => r.FormId == form.Id && r.Context == context && r.UserId == userId, cancellationToken);
        var info = new FormInfo(form.Id, form.Key, form.Title, form.Purpose, form.IsAnonymous, form.CurrentVersion, version.Questions.Count);
        return new FillingSession(form, version, draft, submitted, await entitlement.MayAnswerAsync(info, context, userId, cancellationToken));
    }

    /// <summary>Keeps a page's checked answers in the person's draft (made on the first page saved).</summary>
    public async Task SavePageAsync(FillingSession session, string context, string userId, IReadOnlyList<AnswerCheck> answers,
        CancellationToken cancellationToken = default)
    {
        RefuseUnlessOpen(session);
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = session.Draft;
        if (draft is null)
        {
            draft = new FormSubmission
            {
                FormId = session.Form.Id,
                FormVersionId = session.Version.Id,
                Context = context,
                UserId = userId,
                StartedUtc = now,
            };
            db.Add(draft);
        }

        foreach (var check in answers.Where(a => a.IsValid))
        {
            var existing = draft.Answers.FirstOrDefault(a => a.QuestionId == check.Question.Id);
            if (check.Value is null)
            {
                if (existing is not null)
                {
                    draft.Answers.Remove(existing);
                    db.Remove(existing);
                }
            }
            else if (existing is null)
            {
                var answer = new FormAnswer { SubmissionId = draft.Id, QuestionId = check.Question.Id, Value = check.Value };
                draft.Answers.Add(answer);
                db.Add(answer);
            }
            else
            {
                existing.Value = check.Value;
            }
        }

        draft.UpdatedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Checks every stored answer again and submits: a snapshot of who answered for named forms, the
    /// link to the person removed for anonymous ones, and a receipt either way. Returns the problems
    /// instead when an answer is missing or no longer valid; nothing is saved then.
    /// </summary>
    public async Task<IReadOnlyList<AnswerCheck>> SubmitAsync(FillingSession session, string context, string userId, CancellationToken cancellationToken = default)
    {
        RefuseUnlessOpen(session);
        var problems = session.Questions.Select(q => AnswerValidator.CheckStored(q, session.StoredAnswer(q))).Where(c => !c.IsValid).ToList();
        if (problems.Count > 0 || session.AlreadySubmitted)
        {
            return problems;
        }

        var draft = session.Draft;
        if (draft is null)
        {
            // Every question was optional and none was answered: an empty submission still counts.
            draft = new FormSubmission { FormId = session.Form.Id, FormVersionId = session.Version.Id, Context = context, UserId = userId };
            db.Add(draft);
        }

        var user = await db.Set<ApplicationUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var sector = user?.AgencyId is { } agencyId
            ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => (Core.Taxonomies.Sector?)a.Sector).SingleOrDefaultAsync(cancellationToken)
            : null;
        var now = clock.GetUtcNow().UtcDateTime;
        draft.SubmittedUtc = now;
        draft.UpdatedUtc = now;
        draft.AgencyId = user?.AgencyId;
        draft.LocalityId = user?.LocalityId;
        draft.Sector = sector;
        if (session.Form.IsAnonymous)
        {
            draft.UserId = null;
            // Times to the day only, so the answers cannot be matched to the receipt or a sign-in by time.
            draft.StartedUtc = draft.SubmittedUtc.Value.Date;
            draft.UpdatedUtc = draft.StartedUtc;
            draft.SubmittedUtc = draft.StartedUtc;
        }
        else
        {
            draft.RespondentName = user?.FullName;
            draft.RespondentEmail = user?.Email;
        }

        db.Add(new FormResponseReceipt { FormId = session.Form.Id, Context = draft.Context, UserId = userId, SubmittedOnUtc = now.Date });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private static void RefuseUnlessOpen(FillingSession session)
    {
        if (!session.MayAnswer)
        {
            throw new FormNotOpenException();
        }
    }
}
