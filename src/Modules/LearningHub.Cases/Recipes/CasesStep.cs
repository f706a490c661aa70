using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Recipes;
using LearningHub.Media.Recipes;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Cases.Recipes;

/// <summary>
/// <c>{ "step": "cases", "modules": [ { "slug", "title", "reviewType", "publishedOn", "summary", "contentWarning",
/// "supportSignposting", "themes", "topics", "keyMessages", "sections", "chronology", "findings",
/// "recommendations", "practiceActions", "boardResponse", "cover": "media:pattern-rings" } ] }</c> (the full format is in docs/cases.md;
/// <c>cover</c> names an image a media step brought, and leaves the module's cover as it is when absent). Modules are matched by slug:
/// a new one is created Published as version 1; the same content again changes nothing; changed content
/// replaces the published version while nobody has started it, and is published as the next version once
/// someone has (their record keeps the version they did). A section's <c>reflectiveQuestions</c> become a Forms
/// form (purpose "module reflection", key <c>{slug}-reflection-{section number}</c>) attached to the section, through
/// Forms' own API, so Forms keeps the questions and the answers; the same questions again change nothing.
/// </summary>
public sealed partial class CasesStep(TimeProvider clock) : IRecipeStepHandler
{
    public string StepName => "cases";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var themes = await db.LearningThemes.ToDictionaryAsync(t => t.Key, t => t.Id, StringComparer.Ordinal, cancellationToken);
        var topics = await db.Topics.ToDictionaryAsync(t => t.Key, t => t.Id, StringComparer.Ordinal, cancellationToken);
        var modules = context.Step.Objects("modules", required: true);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var editor = context.Services.GetRequiredService<FormEditor>();
        var forms = context.Services.GetRequiredService<IFormFilling>();
        var images = await MediaRecipeKeys.LoadAsync(context, cancellationToken);

        foreach (var item in modules)
        {
            var slug = item.Key("slug", 100, example: "child-v");
            if (!slugs.Add(slug))
            {
                throw item.Fail("slug", $"'{slug}' appears more than once in this step.");
            }

            var (version, reflection) = Read(item, slug, themes, topics);
            version.SourceHash = SourceHash(item);
            version.SearchText = CaseSearch.TextOf(version);
            var cover = images.Read(item, "cover");
            var (module, published) = await ApplyAsync(context, slug, version, now, cancellationToken);
            if (cover is not null)
            {
                module.CoverImageId = cover;
            }

            await DefineReflectionAsync(context, editor, forms, slug, published, reflection, cancellationToken);
            // Each module's rows saved and forgotten: the forms of the next module save often, and would scan them all.
            await context.SaveAndForgetAsync(cancellationToken);
        }
    }

    /// <summary>The reflective questions of the recipe's sections, by section position.</summary>
    private sealed record SectionQuestions(RecipeElement Section, int Position, string Title, List<QuestionDraft> Questions);

    private static async Task DefineReflectionAsync(RecipeStepContext context, FormEditor editor, IFormFilling forms, string slug,
        CaseModuleVersion published, IReadOnlyList<SectionQuestions> reflection, CancellationToken cancellationToken)
    {
        if (reflection.Count == 0)
        {
            return;
        }

        var sections = published.Sections.Count > 0
            ? published.Sections.OrderBy(s => s.Position).ToList()
            : await context.Db.Set<CaseSection>().Where(s => s.VersionId == published.Id).OrderBy(s => s.Position).ToListAsync(cancellationToken);
        foreach (var item in reflection)
        {
            var key = CaseReflection.FormKey(slug, (item.Position + 1).ToString(CultureInfo.InvariantCulture));
            var title = $"{published.Title}: {item.Title}";
            try
            {
                await editor.DefineAsync(new FormDefinition(key, title.Length > 200 ? title[..200] : title,
                    $"Reflective questions on “{item.Title}”, answered before the section is marked as done.",
                    CaseReflection.Purpose, IsAnonymous: false, item.Questions), cancellationToken);
            }
            catch (FormDefinitionException problem)
            {
                throw item.Section.Fail("reflectiveQuestions", problem.Message);
            }

            await forms.AttachAsync(key, CaseReflection.Context(slug, sections[item.Position].Key), cancellationToken);
        }
    }

    /// <summary>Returns the module and the version published once it is applied.</summary>
    private static async Task<(CaseModule Module, CaseModuleVersion Published)> ApplyAsync(RecipeStepContext context, string slug, CaseModuleVersion incoming, DateTime now,
        CancellationToken cancellationToken)
    {
        var db = context.Db;
        var module = await db.Set<CaseModule>().SingleOrDefaultAsync(m => m.Slug == slug, cancellationToken);
        if (module is null)
        {
            module = new CaseModule { Slug = slug, CreatedUtc = now };
            db.Add(module);
            Publish(db, module, incoming, 1, now);
            return (module, incoming);
        }

        var published = module.PublishedVersionId is { } id
            ? await db.Set<CaseModuleVersion>().SingleOrDefaultAsync(v => v.Id == id, cancellationToken)
            : null;
        if (published is not null && published.SourceHash == incoming.SourceHash)
        {
            return (module, published);
        }

        var started = published is not null
                      && await db.Set<CaseProgress>().AnyAsync(p => p.VersionId == published.Id, cancellationToken);
        if (published is not null && !started)
        {
            // Nobody has worked through it yet: put the recipe's content in place of the old.
            await CaseVersions.RemoveContentAsync(db, published, cancellationToken);
            CaseVersions.CopyContent(incoming, published);
            CaseVersions.AddContent(db, published);
            published.SourceHash = incoming.SourceHash;
            published.SearchText = incoming.SearchText;
            module.Title = published.Title;
            return (module, published);
        }

        if (published is not null)
        {
            published.State = VersionState.Superseded;
        }

        var next = await db.Set<CaseModuleVersion>().Where(v => v.ModuleId == module.Id)
            .MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        Publish(db, module, incoming, next + 1, now);
        module.ArchivedUtc = null;
        return (module, incoming);
    }

    private static void Publish(Microsoft.EntityFrameworkCore.DbContext db, CaseModule module, CaseModuleVersion version, int number, DateTime now)
    {
        // Added explicitly: children with their ids already set would otherwise be taken for existing rows.
        db.Add(version);
        version.ModuleId = module.Id;
        version.Number = number;
        version.State = VersionState.Published;
        version.CreatedUtc = now;
        version.PublishedUtc = now;
        module.PublishedVersionId = version.Id;
        module.Status = CaseModuleStatus.Published;
        module.Title = version.Title;
    }

    private static (CaseModuleVersion Version, List<SectionQuestions> Reflection) Read(RecipeElement item, string slug,
        IReadOnlyDictionary<string, Guid> themes, IReadOnlyDictionary<string, Guid> topics)
    {
        var reflection = new List<SectionQuestions>();
        var version = new CaseModuleVersion
        {
            Title = item.String("title", 200),
            ReviewType = ParseChoice<ReviewType>(item, "reviewType", CaseText.Of, required: true)!.Value,
            ReviewPublishedOn = ReadDate(item, "publishedOn"),
            Summary = item.String("summary", 600),
            ContentWarning = item.String("contentWarning", 400),
            SupportSignposting = item.String("supportSignposting", 1000),
            BoardResponse = item.OptionalString("boardResponse", 5000),
        };
        if (item.Json.TryGetProperty("estimatedMinutes", out _))
        {
            throw item.Fail("estimatedMinutes", "is worked out from the words and questions the module shows; leave it out.");
        }

        // Where the source gives the date shown in the catalogue (file and quote): checked by the recipes' content test, not stored.
        if (version.ReviewPublishedOn is not null)
        {
            item.OptionalString("publishedOnSource", 400);
        }

        var keyMessages = item.Strings("keyMessages");
        version.KeyMessages = string.Join('\n', keyMessages.Select(m => m.Trim()).Where(m => m.Length > 0));
        if (version.KeyMessages.Length > 2000)
        {
            throw item.Fail("keyMessages", "must be 2,000 characters or fewer in all.");
        }

        var themeKeys = item.Strings("themes");
        for (var i = 0; i < themeKeys.Count; i++)
        {
            var themeId = Lookup(item, $"themes[{i}]", themeKeys[i], themes, "theme");
            if (version.Themes.All(t => t.ThemeId != themeId))
            {
                version.Themes.Add(new CaseVersionTheme { VersionId = version.Id, ThemeId = themeId });
            }
        }

        var topicKeys = item.Strings("topics");
        for (var i = 0; i < topicKeys.Count; i++)
        {
            var topicId = Lookup(item, $"topics[{i}]", topicKeys[i], topics, "topic");
            if (version.Topics.All(t => t.TopicId != topicId))
            {
                version.Topics.Add(new CaseVersionTopic { VersionId = version.Id, TopicId = topicId });
            }
        }

        var sections = item.Objects("sections", required: true);
        if (sections.Count == 0)
        {
            throw item.Fail("sections", "must have at least one section.");
        }

        var questionKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (sectionItem, position) in sections.Select((s, i) => (s, i)))
        {
            var section = new CaseSection
            {
                VersionId = version.Id,
                Key = StableSectionKey(slug, position),
                Position = position,
                Kind = ParseChoice<SectionKind>(sectionItem, "kind", CaseText.Of, required: true)!.Value,
                Title = sectionItem.String("title", 200),
                Body = sectionItem.String("body", 20000),
            };
            var questions = sectionItem.Objects("reflectiveQuestions");
            if (questions.Count > 5)
            {
                throw sectionItem.Fail("reflectiveQuestions", "may have at most 5 questions.");
            }

            var drafts = new List<QuestionDraft>();
            foreach (var questionItem in questions)
            {
                var key = questionItem.Key("key", 100, example: "what-would-you-do");

                if (!questionKeys.Add(key))
                {
                    throw questionItem.Fail("key", $"'{key}' is already the key of another question in this module.");
                }

                drafts.Add(new QuestionDraft(QuestionType.LongText, questionItem.String("text", 300), key,
                    questionItem.OptionalString("hint", 300), IsRequired: true, [], MaxLength: null, null, null));
            }

            if (drafts.Count > 0)
            {
                reflection.Add(new SectionQuestions(sectionItem, position, section.Title, drafts));
            }

            version.Sections.Add(section);
        }

        foreach (var (entry, position) in item.Objects("chronology").Select((e, i) => (e, i)))
        {
            version.Chronology.Add(new CaseChronologyEntry
            {
                VersionId = version.Id,
                Position = position,
                When = entry.String("when", 100),
                What = entry.String("what", 1000),
                Agencies = entry.OptionalString("agencies", 300),
            });
        }

        foreach (var (finding, position) in item.Objects("findings").Select((f, i) => (f, i)))
        {
            version.Findings.Add(new CaseFinding
            {
                VersionId = version.Id,
                Position = position,
                Text = finding.String("text", 2000),
                ThemeId = finding.OptionalString("theme", 80) is { } key ? Lookup(finding, "theme", key, themes, "theme") : null,
                LinesOfEnquiry = finding.OptionalString("linesOfEnquiry", 1000),
            });
        }

        foreach (var (action, position) in item.Objects("practiceActions").Select((a, i) => (a, i)))
        {
            version.PracticeActions.Add(new CasePracticeAction
            {
                VersionId = version.Id,
                Position = position,
                Role = ParseChoice<PracticeRole>(action, "role", CaseText.Of, required: true)!.Value,
                Text = action.String("text", 1000),
            });
        }

        if (version.PracticeActions.Count > 0 && version.Sections.All(s => s.Kind != SectionKind.PracticeActions))
        {
            throw item.Fail("practiceActions", $"are shown by a section of kind \"{CaseText.Of(SectionKind.PracticeActions)}\"; add one to the sections.");
        }

        var numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (recommendation, position) in item.Objects("recommendations").Select((r, i) => (r, i)))
        {
            var number = recommendation.String("number", 20);
            if (!numbers.Add(number))
            {
                throw recommendation.Fail("number", $"'{number}' is already the number of another recommendation in this module.");
            }

            version.Recommendations.Add(new CaseRecommendation
            {
                VersionId = version.Id,
                Position = position,
                Number = number,
                Text = recommendation.String("text", 3000),
                Rationale = recommendation.OptionalString("rationale", 3000),
                ThemeId = recommendation.OptionalString("theme", 80) is { } key ? Lookup(recommendation, "theme", key, themes, "theme") : null,
                Scope = ParseChoice<RecommendationScope>(recommendation, "scope", CaseText.Of, required: true)!.Value,
                Status = ParseChoice<RecommendationStatus>(recommendation, "status", CaseText.Of, required: false) ?? RecommendationStatus.NotYetKnown,
                StatusReason = recommendation.OptionalString("statusReason", 2000),
            });
            var added = version.Recommendations[^1];
            if (!RecommendationRecord.HasReasonIfNeeded(added.Status, added.StatusReason))
            {
                throw recommendation.Fail("statusReason", $"Recommendation '{number}' is {CaseText.Of(added.Status)}: say why in statusReason.");
            }
        }

        version.EstimatedMinutes = EstimatedTime.Minutes(version, reflection.Sum(r => r.Questions.Count));
        return (version, reflection);
    }

    /// <summary>
    /// The hash that tells whether a module's content changed. The cover belongs to the module, not to a version,
    /// so a <c>cover</c> written last in the module (as the boards' recipes do) is left out: adding or changing
    /// only the cover publishes no new version, and the hash is the same as before the recipe had covers.
    /// (A cover written elsewhere stays in the hash: at worst, one extra version with the same content.)
    /// </summary>
    internal static string SourceHash(RecipeElement item)
    {
        var text = TrailingCover().Replace(item.Json.GetRawText(), "$1");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [GeneratedRegex(@",\s*""cover""\s*:\s*""[^""\\]*""(\s*\})$")]
    private static partial Regex TrailingCover();

    /// <summary>
    /// The same key for the recipe's section at a position every time the recipe is read, so a replaced or
    /// republished version keeps asking the reflective questions attached to that section's context.
    /// </summary>
    private static Guid StableSectionKey(string slug, int position) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"cases-recipe:{slug}:{position}")).AsSpan(0, 16));

    private static Guid Lookup(RecipeElement item, string field, string key, IReadOnlyDictionary<string, Guid> terms, string what) =>
        terms.TryGetValue(key, out var id)
            ? id
            : throw item.Fail(field, $"'{key}' is not a {what} of this board. Add it in the taxonomies step, or use one of: {string.Join(", ", terms.Keys.Order())}.");

    private static DateOnly? ReadDate(RecipeElement item, string field)
    {
        var text = item.OptionalString(field, 10);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw item.Fail(field, $"'{text}' is not a date in the form 2017-03-01.");
    }

    /// <summary>Reads one of an enum's values by the words people see ("Multi-agency", "Analysis of practice").</summary>
    internal static T? ParseChoice<T>(RecipeElement item, string field, Func<T, string> text, bool required) where T : struct, Enum
    {
        var value = required ? item.String(field, 60) : item.OptionalString(field, 60);
        if (value is null)
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Normalise(text(candidate)), Normalise(value), StringComparison.Ordinal)
                || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw item.Fail(field, $"'{value}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(text))}.");
    }

    private static string Normalise(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
