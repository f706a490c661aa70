namespace LearningHub.Core.Privacy;

/// <summary>One titled table of what a module holds about a person ("Bookings": reference, event, status...).</summary>
public sealed record PersonalDataSection(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    /// <summary>Says in the export why the section is empty, rather than leaving the reader to wonder.</summary>
    public bool IsEmpty => Rows.Count == 0;
}

/// <summary>
/// One kind of personal data a module keeps, as the privacy notice tells people: what, why, and for how long.
/// </summary>
/// <param name="What">What is kept ("Your bookings: your name, work email, agency and job role...").</param>
/// <param name="Why">What it is used for.</param>
/// <param name="HowLong">How long it is kept, from the board's retention settings where a period applies.</param>
public sealed record PrivacyNoticeEntry(string What, string Why, string HowLong);

/// <summary>
/// What one module holds about a person, for the UK GDPR rights of access (export) and erasure. Each module
/// registers one (<c>services.AddScoped&lt;IPersonalDataSource, XPersonalData&gt;()</c>); the account's own
/// data comes last, from <see cref="AccountPersonalData"/>.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The module's name as the export shows it ("Events").</summary>
    string Name { get; }

    /// <summary>
    /// What the module keeps, why and for how long, for the board's privacy notice. Beside the export and erasure it
    /// describes, and required of every source, so a module that holds personal data cannot be missing from the
    /// notice; periods come from <paramref name="retention"/>, so a board's change shows in the notice at once.
    /// </summary>
    IReadOnlyList<PrivacyNoticeEntry> DescribeForNotice(RetentionSettings retention);

    /// <summary>Everything the module holds about the person, as titled sections (empty sections included).</summary>
    Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases or anonymises the person's data in the request's DbContext. Must NOT save: the caller saves every
    /// module's changes and the audit entry in one transaction, so an erasure is whole or does not happen.
    /// </summary>
    Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follow-up work once the erasure has committed, in its own saves (e.g. offering a place the person gave
    /// up to the waiting list, which takes the event's lock). Most modules have none.
    /// </summary>
    Task AfterErasedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
