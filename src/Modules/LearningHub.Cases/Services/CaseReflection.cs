using LearningHub.Forms.Domain;
using LearningHub.Cases.Domain;
using LearningHub.Forms.Services;

namespace LearningHub.Cases.Services;

/// <summary>
/// A case module section's reflective questions are a Forms form of purpose "module reflection", attached
/// to the section's context. Forms keeps the questions, the answers and the results; Cases only asks it
/// whether they are answered. The context follows the section across versions through its key.
/// </summary>
public static class CaseReflection
{
    public const string ContextKind = "case-module";

    public const FormPurpose Purpose = FormPurpose.ModuleReflection;

    /// <summary><c>case-module:{slug}:{section key}</c>, e.g. <c>case-module:child-v:3f2a...</c>.</summary>
    public static string Context(string moduleSlug, Guid sectionKey) => FormContexts.For(ContextKind, $"{moduleSlug}:{sectionKey:N}");

    /// <summary>
    /// The key of a form made for a section's reflective questions: <c>child-v-reflection-2</c> (recipes number
    /// them by section) or <c>child-v-reflection-3f2a9c1d</c> (authors', from the section key). Long slugs are
    /// shortened so the key stays within the 100 characters Forms allows.
    /// </summary>
    public static string FormKey(string moduleSlug, string suffix) =>
        $"{(moduleSlug.Length > 70 ? moduleSlug[..70].TrimEnd('-') : moduleSlug)}-reflection-{suffix}";
}

/// <summary>What the author and practitioner pages need from Forms about sections' reflective questions.</summary>
public sealed class SectionReflection(IFormFilling forms, FormEditor editor)
{
    /// <summary>The reflection forms attached to the section (normally one).</summary>
    public Task<IReadOnlyList<FormInfo>> FormsAsync(string moduleSlug, CaseSection section, CancellationToken cancellationToken = default) =>
        forms.FormsForContextAsync(CaseReflection.Context(moduleSlug, section.Key), CaseReflection.Purpose, cancellationToken);

    /// <summary>How many reflective questions each section asks, by section id.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> QuestionCountsAsync(string moduleSlug, IEnumerable<CaseSection> sections,
        CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<Guid, int>();
        foreach (var section in sections)
        {
            counts[section.Id] = (await FormsAsync(moduleSlug, section, cancellationToken)).Sum(f => f.QuestionCount);
        }

        return counts;
    }

    /// <summary>
    /// Makes an empty "module reflection" form for the section and attaches it, for the author to fill in the
    /// form builder; the form already attached is returned instead if there is one. The caller saves.
    /// </summary>
    public async Task<FormInfo> EnsureFormAsync(string moduleSlug, string moduleTitle, CaseSection section, CancellationToken cancellationToken = default)
    {
        if ((await FormsAsync(moduleSlug, section, cancellationToken)).FirstOrDefault() is { } existing)
        {
            return existing;
        }

        var key = CaseReflection.FormKey(moduleSlug, section.Key.ToString("N")[..8]);
        var title = $"{moduleTitle}: {section.Title}";
        var form = await editor.DefineAsync(new FormDefinition(key, title.Length > 200 ? title[..200] : title,
            "Reflective questions practitioners answer before they mark this section of the module as done.",
            CaseReflection.Purpose, IsAnonymous: false, []), cancellationToken);
        await forms.AttachAsync(key, CaseReflection.Context(moduleSlug, section.Key), cancellationToken);
        return new FormInfo(form.Id, form.Key, form.Title, form.Purpose, form.IsAnonymous, form.CurrentVersion, 0);
    }
}
