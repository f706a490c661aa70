using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.Forms;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Forms;

/// <summary>Forms made through the module's own editor, and the forms permissions the recipes will grant once merged.</summary>
internal static class FormsTestSupport
{
    public static QuestionDraft Q(QuestionType type, string text, string? key = null, bool required = true, string[]? options = null, int? maxLength = null) =>
        new(type, text, key, null, required, options ?? [], maxLength, type == QuestionType.Scale ? "Not at all confident" : null,
            type == QuestionType.Scale ? "Very confident" : null);

    /// <summary>A form with the given questions, made as an author would. Returns its id.</summary>
    public static Task<Guid> CreateFormAsync(this LearningHubFactory factory, string board, string key, FormPurpose purpose, bool anonymous,
        params QuestionDraft[] questions) =>
        factory.WithBoardServicesAsync(board, async services =>
        {
            var editor = services.GetRequiredService<FormEditor>();
            var db = services.GetRequiredService<LearningHubDbContext>();
            var form = editor.Create(key, $"Form {key}", null, purpose, anonymous);
            await db.SaveChangesAsync();
            foreach (var question in questions)
            {
                await editor.SaveQuestionAsync(form, null, question);
            }

            return form.Id;
        });

    /// <summary>
    /// Grants the forms permissions. Both shipped recipes grant them too (their roles steps); the tests
    /// grant them themselves so they do not depend on a recipe's list of permissions.
    /// </summary>
    public static async Task GrantFormsPermissionsAsync(this LearningHubFactory factory, string board)
    {
        var boardId = await factory.WithBoardAsync(board, async db =>
        {
            foreach (var role in new[] { BoardRoles.Coordinator, BoardRoles.Author, BoardRoles.BoardAdmin })
            {
                foreach (var permission in new[] { FormsPermissions.Manage, FormsPermissions.Results })
                {
                    if (!await db.BoardRolePermissions.AnyAsync(g => g.Role == role && g.Permission == permission))
                    {
                        db.BoardRolePermissions.Add(new BoardRolePermission { Role = role, Permission = permission });
                    }
                }
            }

            await db.SaveChangesAsync();
            return db.CurrentBoardId!.Value;
        });
        factory.Services.GetRequiredService<IMemoryCache>().Remove(BoardPermissions.CacheKey(boardId));
    }

    public static Task<string> UserIdAsync(this LearningHubFactory factory, string board, string email) =>
        factory.WithBoardAsync(board, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>
    /// A submission made through the module's services for a made-up person (results need many people). They are taken
    /// to be people the form is asked of in the context, whatever <see cref="FormEntitlement"/> says, so results tests
    /// need no bookings or module progress behind their answers; who may answer is tested in EvaluationEntitlementTests.
    /// </summary>
    public static Task SubmitAsync(this LearningHubFactory factory, string board, string formKey, string context, string userId,
        Dictionary<string, string[]> answersByQuestionKey) =>
        factory.WithBoardServicesAsync(board, async services =>
        {
            var responses = services.GetRequiredService<FormResponses>();
            var session = AskedOfThem((await responses.OpenAsync(formKey, context, userId))!);
            var checks = session.Questions.Select(q => AnswerValidator.Check(q, name =>
                name == AnswerValidator.FieldName(q) && answersByQuestionKey.TryGetValue(q.Key, out var v) ? new Microsoft.Extensions.Primitives.StringValues(v) : default)).ToList();
            Assert.All(checks, c => Assert.True(c.IsValid, c.Error));
            await responses.SavePageAsync(session, context, userId, checks);
            session = AskedOfThem((await responses.OpenAsync(formKey, context, userId))!);
            Assert.Empty(await responses.SubmitAsync(session, context, userId));
            return 0;
        });

    private static FillingSession AskedOfThem(FillingSession session) =>
        new(session.Form, session.Version, session.Draft, session.AlreadySubmitted, mayAnswer: true);
}
