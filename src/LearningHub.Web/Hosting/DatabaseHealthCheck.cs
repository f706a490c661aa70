using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningHub.Web.Hosting;

/// <summary>Healthy when the database answers and holds the schema.</summary>
public sealed class DatabaseHealthCheck(LearningHubDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            // Reachable is not enough: on SQLite any connection re-creates a deleted file, empty. Reading
            // a table the first migration made shows the schema is really there.
            _ = await db.Set<Board>().AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
