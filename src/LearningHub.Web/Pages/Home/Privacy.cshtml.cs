using LearningHub.Core.Pages;
using LearningHub.Core.Privacy;

namespace LearningHub.Web.Pages.Home;

/// <summary>
/// The board's privacy notice (UK GDPR articles 13 and 14): who the controller is, why and on what lawful bases it
/// uses personal data, what each module keeps and for how long (from the board's retention settings), people's
/// rights and where to use them. Public: people read it before they create an account.
/// </summary>
public sealed class PrivacyModel(PrivacyNotice notice) : BoardPageModel
{
    public IReadOnlyList<PrivacyNoticeModule> WhatWeKeep { get; private set; } = [];

    /// <summary>The board's own statement of its lawful bases, paragraph by paragraph; empty when it has not made one.</summary>
    public IReadOnlyList<string> LawfulBasis => (Board.LawfulBasisText ?? "")
        .Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task OnGetAsync(CancellationToken cancellationToken) => WhatWeKeep = await notice.WhatWeKeepAsync(cancellationToken);
}
