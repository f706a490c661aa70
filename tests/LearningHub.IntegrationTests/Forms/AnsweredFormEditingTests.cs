using System.Net;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Forms;

/// <summary>Changing a form someone has answered makes a new version; removing a question then works like any other change.</summary>
public sealed class AnsweredFormEditingTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Removing_a_question_from_an_answered_form_removes_it_from_the_new_version()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");
        var formId = await factory.CreateFormAsync("norfolk", "answered-then-edited", FormPurpose.GeneralFeedback, anonymous: false,
            Q(QuestionType.ShortText, "First", "first"),
            Q(QuestionType.ShortText, "Second", "second"));
        await factory.SubmitAsync("norfolk", "answered-then-edited", "general", "someone",
            new() { ["first"] = ["One"], ["second"] = ["Two"] });
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var editor = $"/norfolk/admin/forms/{formId}";
        var confirm = (await coordinator.GetDocumentAsync(editor)).QuerySelector("main a[href$='/remove']")!.GetAttribute("href")!;

        var removed = await coordinator.SubmitFormAsync(confirm, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var current = await factory.WithBoardAsync("norfolk", db => db.Set<FormVersion>().Include(v => v.Questions)
            .Where(v => v.FormId == formId).OrderByDescending(v => v.Number).FirstAsync());
        Assert.Equal(2, current.Number);
        Assert.Equal(["second"], current.Questions.Select(q => q.Key));
    }
}
