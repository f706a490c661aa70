using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Http;

namespace LearningHub.Core.Audit;

/// <summary>
/// Records audit entries. <see cref="Record"/> only ADDS the entry to the request's
/// <see cref="LearningHubDbContext"/>: the caller's own SaveChanges (inside its transaction) writes it
/// with the change, so a change that fails leaves no entry and an entry never describes a change that
/// did not happen.
/// </summary>
public sealed class AuditLog(LearningHubDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Property names whose values never go into the log, whatever the caller passes.</summary>
    private static readonly string[] SecretWords = ["password", "secret", "token", "hash", "stamp", "key"];

    public AuditEntry Record(string action, AuditTarget target, object? changes = null, AuditActor? actor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var context = http.HttpContext;
        actor ??= CurrentActor(context?.User);
        var entry = new AuditEntry
        {
            Action = action,
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.UserId,
            ActorName = Truncate(actor.Name, 200)!,
            TargetType = Truncate(target.Type, 60)!,
            TargetId = Truncate(target.Id, 100)!,
            TargetLabel = Truncate(target.Label, 300),
            ChangesJson = changes is null ? null : ToJson(changes),
            RequestId = Truncate(context?.TraceIdentifier, 100),
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    public static AuditActor CurrentActor(ClaimsPrincipal? user)
    {
        if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return AuditActor.System;
        }

        var name = user.FindFirstValue(LearningHubClaimTypes.FullName) ?? user.Identity?.Name ?? id;
        return new AuditActor(id, name);
    }

    /// <summary>Serialises <paramref name="changes"/> and removes every property whose name says it holds a secret.</summary>
    public static string ToJson(object changes)
    {
        var node = JsonSerializer.SerializeToNode(changes, changes.GetType());
        StripSecrets(node);
        return node?.ToJsonString() ?? "null";
    }

    private static void StripSecrets(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)))
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        StripSecrets(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    StripSecrets(item);
                }

                break;
        }
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
