using LearningHub.Forms.Domain;

namespace LearningHub.Forms.Services;

/// <summary>
/// The module that owns a kind of form context (<see cref="FormContexts.Kind"/>) says who may answer there: Events for
/// <c>event:{id}</c>, Cases for <c>case-module:...</c>, Forms itself for <c>general</c>. Forms asks through this, so it
/// knows nothing of events or modules.
/// </summary>
public interface IFormContextOwner
{
    /// <summary>The kind of context owned: the part before the first colon (<c>event</c>).</summary>
    string Kind { get; }

    /// <summary>Whether the form is asked in the context and the person is one it is asked of (attended, booked, doing the module).</summary>
    Task<bool> MayAnswerAsync(FormInfo form, string context, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// What people call each of these contexts of its kind, for staff pages (the event's title and date, the module and
    /// section); a context it does not know (a deleted event) is left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> contexts, CancellationToken cancellationToken = default);
}

/// <summary>Contexts by name, each asked of the module that owns its kind; one no module can name keeps its key.</summary>
public sealed class FormContextNames(IEnumerable<IFormContextOwner> owners)
{
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> contexts, CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<string, string>();
        foreach (var group in contexts.Distinct().GroupBy(FormContexts.Kind))
        {
            var owned = owners.FirstOrDefault(o => o.Kind == group.Key) is { } owner
                ? await owner.NamesAsync(group.ToList(), cancellationToken)
                : new Dictionary<string, string>();
            foreach (var context in group)
            {
                names[context] = owned.GetValueOrDefault(context) ?? context;
            }
        }

        return names;
    }
}

/// <summary>
/// Whether a person may answer a form in a context: only where the form is asked and of whom it is asked, as the
/// context's owner says; a context no module owns (made up) is refused. Answering once per person per context is the
/// receipt's unique key (<see cref="FormResponseReceipt"/>).
/// </summary>
public sealed class FormEntitlement(IEnumerable<IFormContextOwner> owners)
{
    public async Task<bool> MayAnswerAsync(FormInfo form, string context, string userId, CancellationToken cancellationToken = default)
    {
        var kind = FormContexts.Kind(context);
        var owner = owners.FirstOrDefault(o => o.Kind == kind);
        return owner is not null && await owner.MayAnswerAsync(form, context, userId, cancellationToken);
    }
}

/// <summary>The <c>general</c> context: a general feedback form, asked of anyone signed in to the board.</summary>
public sealed class GeneralFormContext : IFormContextOwner
{
    public string Kind => FormContexts.General;

    public Task<bool> MayAnswerAsync(FormInfo form, string context, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(context == FormContexts.General && form.Purpose == FormPurpose.GeneralFeedback);

    public Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> contexts, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(contexts.Where(c => c == FormContexts.General).ToDictionary(c => c, _ => "General feedback"));
}

/// <summary>A person answering a form where it is not asked of them; nothing is saved, and the page says so (403).</summary>
public sealed class FormNotOpenException() : Exception("This person may not answer this form in this context.");
