using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;

namespace LearningHub.Tests.Core;

public sealed class AuditLogTests
{
    [Fact]
    public void Changes_lose_every_property_that_names_a_secret_at_any_depth()
    {
        var json = AuditLog.ToJson(new
        {
            Email = "sam@school.example",
            Password = "hunter2-hunter2",
            Smtp = new { Host = "smtp.example", ProtectedPassword = "CfDJ8...", ApiKey = "k" },
            Items = new[] { new { Name = "a", SecurityStamp = "s" } },
            ResetToken = "t",
        });

        Assert.Equal("{\"Email\":\"sam@school.example\",\"Smtp\":{\"Host\":\"smtp.example\"},\"Items\":[{\"Name\":\"a\"}]}", json);
    }

    [Fact]
    public void The_actor_is_the_signed_in_person_by_name_or_the_system()
    {
        var person = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(LearningHubClaimTypes.FullName, "Ada Admin")], "cookie"));

        Assert.Equal(new AuditActor("u1", "Ada Admin"), AuditLog.CurrentActor(person));
        Assert.Equal(AuditActor.System, AuditLog.CurrentActor(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Equal(AuditActor.System, AuditLog.CurrentActor(null));
    }
}
