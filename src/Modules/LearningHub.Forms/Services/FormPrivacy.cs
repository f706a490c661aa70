using LearningHub.Forms.Domain;

namespace LearningHub.Forms.Services;

/// <summary>
/// Who sees a form's answers, and the one sentence that tells the person before they write. Every page that
/// collects answers (Forms' own pages, a module section's inline reflective questions) shows
/// <see cref="Statement(FormPurpose, bool)"/>, and the results follow <see cref="HidesNames(FormPurpose, bool)"/>,
/// so what people are told and what the board sees cannot drift apart.
/// </summary>
public static class FormPrivacy
{
    /// <summary>
    /// Reflective answers on a module are the practitioner's own CPD record: the board's results show them
    /// without names (and not at all under <see cref="LearningHub.Core.Privacy.SmallGroups.Threshold"/> answers), as for anonymous forms,
    /// while the answers stay linked to the person so they see them in their learning record.
    /// </summary>
    public static bool HidesNames(FormPurpose purpose, bool isAnonymous) => isAnonymous || purpose == FormPurpose.ModuleReflection;

    public static bool HidesNames(Form form) => HidesNames(form.Purpose, form.IsAnonymous);

    public const string Reflection =
        "Your answers are private: they are kept with your name only in your own learning record (My learning), for your CPD. "
        + "The board's training team sees answers without names, and only once 5 or more people have answered.";

    public const string Anonymous = "Your answers are anonymous: nobody can see your name or email address with them.";

    public const string Named = "Your name and email address are kept with your answers, so the board can see who said what.";

    public static string Statement(FormPurpose purpose, bool isAnonymous) =>
        isAnonymous ? Anonymous : purpose == FormPurpose.ModuleReflection ? Reflection : Named;

    public static string Statement(Form form) => Statement(form.Purpose, form.IsAnonymous);
}
