using System.Linq.Expressions;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Forms.Domain;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Privacy;

/// <summary>
/// The person's named form answers (submitted, and drafts they have not sent yet) and the receipts that say
/// they answered. Submissions to anonymous forms carry no link to anyone once sent, so they are not theirs
/// and stay in the results.
/// </summary>
public sealed class FormsPersonalData(LearningHubDbContext db) : IPersonalDataSource
{
    public string Name => "Forms";

    public IReadOnlyList<PrivacyNoticeEntry> DescribeForNotice(RetentionSettings retention) =>
    [
        new("Your answers to named forms (reflective questions, event evaluations and follow-ups) with your name, email address, agency, sector and locality. Anonymous forms keep no link to you.",
            "To show you your own reflections, and to show the board what practitioners learned and will do differently.",
            $"{retention.NamedAnswers} after you submit them. Then the answers are kept without your name, email address or account."),
    ];

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var answers = await AnswersQuery.For(db)(db, subject.UserId, subject.EmailLower).ToListAsync(cancellationToken);
        var receipts = await ReceiptsQuery.For(db)(db, subject.UserId).ToListAsync(cancellationToken);
        return
        [
            new PersonalDataSection("Your answers to named forms", ["Form", "Where", "Question", "Your answer", "Submitted"],
                answers.OrderBy(a => a.StartedUtc).ThenBy(a => a.Position)
                    .Select(a => (IReadOnlyList<string?>)[a.Form, a.Context, a.Question, a.Value,
                        a.SubmittedUtc is null ? "Not yet (a draft)" : PersonalDataText.Time(a.SubmittedUtc)]).ToList()),
            new PersonalDataSection("Forms you answered", ["Form", "Where", "Day"],
                receipts.OrderBy(r => r.SubmittedOnUtc)
                    .Select(r => (IReadOnlyList<string?>)[r.Title, r.Context, r.SubmittedOnUtc.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))]).ToList()),
        ];
    }

    /// <summary>
    /// Named answers are deleted rather than anonymised: free-text answers can say who wrote them, so no part
    /// of them can be trusted to be anonymous. Anonymous submissions are untouched.
    /// </summary>
    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var submissions = await SubmissionsQuery.For(db)(db, subject.UserId, subject.EmailLower).ToListAsync(cancellationToken);
        foreach (var submission in submissions)
        {
            db.Set<FormAnswer>().RemoveRange(submission.Answers);
            db.Set<FormSubmission>().Remove(submission);
        }

        db.Set<FormResponseReceipt>().RemoveRange(
            await db.Set<FormResponseReceipt>().Where(r => r.UserId == subject.UserId).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Submissions linked to their account (named, or an anonymous form's unsent draft) or naming their email
    /// (<c>email</c> lower-cased, "" when they have none): the one rule of the export's and the erasure's queries.
    /// </summary>
    private static readonly Expression<Func<FormSubmission, string, string, bool>> IsTheirs = (s, userId, email) =>
        s.UserId == userId || (email != "" && s.RespondentEmail != null && s.RespondentEmail.ToLower() == email);

    private sealed record AnswerRow(string Form, string Context, DateTime? SubmittedUtc, DateTime StartedUtc, int Position, string Question, string? Value);

    /// <summary>Their answers with each form's title and question (the export); compiled, as the account's are.</summary>
    private static readonly CompiledPerModel<Func<LearningHubDbContext, string, string, IAsyncEnumerable<AnswerRow>>> AnswersQuery = new(() =>
    {
        Expression<Func<LearningHubDbContext, string, string, IQueryable<AnswerRow>>> answers = (db, userId, email) =>
            db.Set<FormSubmission>().AsNoTracking().Where(s => IsTheirs.Invoke(s, userId, email))
                .SelectMany(s => s.Answers, (s, a) => new { s.FormId, s.Context, s.SubmittedUtc, s.StartedUtc, a.QuestionId, a.Value })
                .Join(db.Set<Form>(), x => x.FormId, f => f.Id, (x, f) => new { x.Context, x.SubmittedUtc, x.StartedUtc, x.QuestionId, x.Value, Form = f.Title })
                .Join(db.Set<FormQuestion>(), x => x.QuestionId, q => q.Id, (x, q) => new AnswerRow(x.Form, x.Context, x.SubmittedUtc, x.StartedUtc, q.Position, q.Text, x.Value));
        return EF.CompileAsyncQuery(answers.Expand()); // LinqKit puts the rule in place: EF Core cannot translate a call to it
    });

    /// <summary>Their submissions with the answers, tracked, for the erasure to delete.</summary>
    private static readonly CompiledPerModel<Func<LearningHubDbContext, string, string, IAsyncEnumerable<FormSubmission>>> SubmissionsQuery = new(() =>
    {
        Expression<Func<LearningHubDbContext, string, string, IQueryable<FormSubmission>>> submissions = (db, userId, email) =>
            db.Set<FormSubmission>().Include(s => s.Answers).Where(s => IsTheirs.Invoke(s, userId, email));
        return EF.CompileAsyncQuery(submissions.Expand());
    });

    private sealed record ReceiptRow(string Title, string Context, DateTime SubmittedOnUtc);

    /// <summary>Compiled, as the account's export queries are (<see cref="AccountPersonalData"/>).</summary>
    private static readonly CompiledPerModel<Func<LearningHubDbContext, string, IAsyncEnumerable<ReceiptRow>>> ReceiptsQuery = new(() =>
        EF.CompileAsyncQuery((LearningHubDbContext db, string userId) =>
            db.Set<FormResponseReceipt>().AsNoTracking()
                .Where(r => r.UserId == userId)
                .Join(db.Set<Form>(), r => r.FormId, f => f.Id, (r, f) => new ReceiptRow(f.Title, r.Context, r.SubmittedOnUtc))));
}
