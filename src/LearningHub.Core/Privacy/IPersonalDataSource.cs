namespace LearningHub.Core.Privacy;

/// <summary>One titled table of what a module holds about a person ("Bookings": reference, event, status...).</summary>
public sealed record PersonalDataSection(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    /// <summary>Says in the export why the section is empty, rather than leaving the reader to wonder.</summary>
    public bool IsEmpty => Rows.Count == 0;
}

/// <summary>
/// What one module holds about a person, for the UK GDPR rights of access (export) and erasure. Each module
/// registers one (<c>services.AddScoped&lt;IPersonalDataSource, XPersonalData&gt;()</c>); the account's own
/// data comes last, from <see cref="AccountPersonalData"/>.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The module's name as the export shows it ("Events").</summary>
    string Name { get; }

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
