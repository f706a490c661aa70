using LearningHub.Cases.Services;
using Microsoft.AspNetCore.Authorization;

namespace LearningHub.Cases.Pages.MyLearning;

/// <summary>The practitioner's modules: in progress and completed, each completion with its version and certificate.</summary>
[Authorize]
public sealed class IndexModel(CaseLearning learning) : CasesPageModel
{
    public IReadOnlyList<LearningRecord> InProgress { get; private set; } = [];

    public IReadOnlyList<LearningRecord> Completed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var records = await learning.MyLearningAsync(UserId!, cancellationToken);
        // An unfinished start of a version that has since been replaced is not shown: the module page starts the new one.
        InProgress = records.Where(r => r.CompletedUtc is null && r.IsCurrentVersion).ToList();
        Completed = records.Where(r => r.CompletedUtc is not null).OrderByDescending(r => r.CompletedUtc).ToList();
    }
}
