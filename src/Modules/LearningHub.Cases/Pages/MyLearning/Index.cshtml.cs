using LearningHub.Cases.Services;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;

namespace LearningHub.Cases.Pages.MyLearning;

/// <summary>
/// The practitioner's modules: in progress and completed, each completion with its version and certificate;
/// and their own reflective answers (kept by Forms, asked for here), their CPD record of what they wrote.
/// </summary>
[Authorize]
public sealed class IndexModel(CaseLearning learning, IFormFilling forms) : CasesPageModel
{
    /// <summary>The person's reflective answers, one group per form (a module's section), newest first.</summary>
    public IReadOnlyList<IGrouping<string, MyAnswer>> Reflections { get; private set; } = [];

    public IReadOnlyList<LearningRecord> InProgress { get; private set; } = [];

    public IReadOnlyList<LearningRecord> Completed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var records = await learning.MyLearningAsync(UserId!, cancellationToken);
        // An unfinished start of a version that has since been replaced is not shown: the module page starts the new one.
        InProgress = records.Where(r => r.CompletedUtc is null && r.IsCurrentVersion).ToList();
        Reflections = (await forms.MyAnswersAsync(CaseReflection.ContextKind, CaseReflection.Purpose, UserId!, cancellationToken))
            .GroupBy(a => a.FormTitle).ToList();
        Completed = records.Where(r => r.CompletedUtc is not null).OrderByDescending(r => r.CompletedUtc).ToList();
    }
}
