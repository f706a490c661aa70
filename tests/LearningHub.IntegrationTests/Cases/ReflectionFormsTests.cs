using System.Net;
using LearningHub.Cases.Services;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// A case module's reflective questions are Forms forms: the recipe makes them through Forms' API, Forms keeps
/// the answers, its results show them without names (the practitioner's own record), and a section with only
/// optional questions does not hold a practitioner up.
/// </summary>
public sealed class ReflectionFormsTests : IClassFixture<FixtureCasesFactory>, IAsyncLifetime
{
    private readonly FixtureCasesFactory _factory;

    public ReflectionFormsTests(FixtureCasesFactory factory) => _factory = factory;

    public Task InitializeAsync() => CaseFixtures.ApplyAsync(_factory.Services, "norfolk", CaseFixtures.ChildV("reflect-v"));

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", email);
        return client;
    }

    [Fact]
    public async Task The_recipe_makes_named_module_reflection_forms_and_applying_it_again_changes_nothing()
    {
        await CaseFixtures.ApplyAsync(_factory.Services, "norfolk", CaseFixtures.ChildV("reflect-w"));
        var forms = await _factory.WithBoardAsync("norfolk", db => db.Set<Form>().AsNoTracking()
            .Where(f => f.Key.StartsWith("reflect-w-reflection-")).OrderBy(f => f.Key).ToListAsync());
        Assert.Equal(["reflect-w-reflection-1", "reflect-w-reflection-3"], forms.Select(f => f.Key));
        Assert.All(forms, f => Assert.Equal(FormPurpose.ModuleReflection, f.Purpose));
        Assert.All(forms, f => Assert.False(f.IsAnonymous));

        await CaseFixtures.ApplyAsync(_factory.Services, "norfolk", CaseFixtures.ChildV("reflect-w"));
        var again = await _factory.WithBoardAsync("norfolk", async db => (
            Forms: await db.Set<Form>().CountAsync(f => f.Key.StartsWith("reflect-w-reflection-")),
            Versions: await db.Set<FormVersion>().CountAsync(v => db.Set<Form>().Any(f => f.Id == v.FormId && f.Key.StartsWith("reflect-w-reflection-"))),
            Attachments: await db.Set<FormAttachment>().CountAsync(a => a.Context.StartsWith("case-module:reflect-w:"))));
        Assert.Equal((2, 2, 2), again);
    }

    [Fact]
    public async Task Reflective_answers_are_private_results_show_no_names_and_nothing_under_five_answers()
    {
        var practitioner = await SignedInAsync("practitioner@norfolk.demo");
        await ReflectionJourney.AnswerAsync(practitioner, "/norfolk/modules/reflect-v/sections/1", _ => "I would book a professional interpreter.");

        var formId = await _factory.WithBoardAsync("norfolk", db => db.Set<Form>().Where(f => f.Key == "reflect-v-reflection-1").Select(f => f.Id).SingleAsync());
        var coordinator = await SignedInAsync("coordinator@norfolk.demo");
        var results = (await coordinator.GetDocumentAsync($"/norfolk/admin/forms/{formId}/results")).QuerySelector("main")!.TextContent;
        // The practitioner was told their answers are theirs: the board's results name nobody, and one answer is
        // too few to show at all (it could only be theirs).
        Assert.DoesNotContain("Pat Practitioner", results);
        Assert.DoesNotContain("I would book a professional interpreter.", results);

        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync($"/norfolk/admin/forms/{formId}/results")).StatusCode);
    }

    [Fact]
    public async Task A_section_whose_questions_are_all_optional_can_be_marked_done_without_answers()
    {
        await _factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>();
            var editor = services.GetRequiredService<FormEditor>();
            var form = await db.Set<Form>().SingleAsync(f => f.Key == "reflect-v-reflection-1");
            var question = (await editor.CurrentVersionAsync(form)).Questions.Single();
            await editor.SaveQuestionAsync(form, question.Id, new QuestionDraft(QuestionType.LongText, question.Text, question.Key, null,
                IsRequired: false, [], null, null, null));
            return true;
        });

        var client = await SignedInAsync("author@norfolk.demo");
        var done = await client.SubmitFormAsync("/norfolk/modules/reflect-v/sections/1", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/norfolk/modules/reflect-v/sections/2", done.Headers.Location!.OriginalString);

        // Section 3's questions are required: refused until they are answered in Forms.
        var refused = await client.SubmitFormAsync("/norfolk/modules/reflect-v/sections/3", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var userId = await _factory.UserIdAsync("norfolk", "author@norfolk.demo");
        var unanswered = await _factory.WithBoardServicesAsync("norfolk", services => services.GetRequiredService<IFormFilling>()
            .UnansweredContextsAsync([CaseReflection.Context("reflect-v", Guid.Empty), "case-module:other:x"], CaseReflection.Purpose, userId));
        Assert.Empty(unanswered);
    }
}
