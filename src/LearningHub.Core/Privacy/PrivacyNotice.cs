namespace LearningHub.Core.Privacy;

/// <summary>One module's part of the privacy notice.</summary>
public sealed record PrivacyNoticeModule(string Name, IReadOnlyList<PrivacyNoticeEntry> Entries);

/// <summary>
/// The "what we keep and for how long" of the board's privacy notice: the account's and every module's own
/// description (<see cref="IPersonalDataSource.DescribeForNotice"/>), each reading the board's retention settings as
/// they are now, so the notice says what the retention job does.
/// </summary>
public sealed class PrivacyNotice(RetentionApplier retention, IEnumerable<IPersonalDataSource> sources, AccountPersonalData account)
{
    public async Task<IReadOnlyList<PrivacyNoticeModule>> WhatWeKeepAsync(CancellationToken cancellationToken = default)
    {
        var settings = await retention.SettingsAsync(cancellationToken);
        return
        [
            new PrivacyNoticeModule(account.Name, account.DescribeForNotice(settings)),
            .. sources.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new PrivacyNoticeModule(s.Name, s.DescribeForNotice(settings))),
        ];
    }
}
