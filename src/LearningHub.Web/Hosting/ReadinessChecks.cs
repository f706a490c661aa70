using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using LearningHub.Notifications.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LearningHub.Web.Hosting;

/// <summary>
/// Health checks that say whether this node can serve, not just whether it is alive: they touch the
/// database, the disk and the network, so only <c>/health/ready</c> runs them (tag <see cref="Tag"/>).
/// </summary>
public static class Readiness
{
    public const string Tag = "ready";

    /// <summary>How long the SMTP check waits for a server before calling it unreachable.</summary>
    public static readonly TimeSpan SmtpTimeout = TimeSpan.FromSeconds(5);
}

/// <summary>Ready once the database has been prepared at start (<see cref="SiteReadiness"/>); until then "starting".</summary>
public sealed class StartupHealthCheck(SiteReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("Database prepared")
            : HealthCheckResult.Unhealthy("Starting: migrations and board recipes are being applied"));
}

/// <summary>Ready when no migration the app carries is missing from the database.</summary>
public sealed class MigrationsHealthCheck(LearningHubDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{db.Database.GetMigrations().Count()} migrations applied")
                : HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Cannot read the applied migrations.", ex);
        }
    }
}

/// <summary>
/// Ready when every board's mail can leave: its pickup folder is writable, or its SMTP server answers
/// with a greeting and EHLO (and STARTTLS when asked) within <see cref="Readiness.SmtpTimeout"/>. Nothing
/// is sent and no password is used. Reads every board's settings, so it says so: IgnoreQueryFilters.
/// </summary>
public sealed class MailTransportHealthCheck(
    LearningHubDbContext db,
    BoardDirectory boards,
    MailTransports transports,
    IOptions<NotificationsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var settings = await db.Set<BoardMailSettings>().IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
            var problems = new List<string>();
            var smtpServers = new HashSet<(string Host, int Port, SmtpSecurity Security)>();
            foreach (var board in await boards.ListAsync(cancellationToken))
            {
                var own = settings.FirstOrDefault(s => s.BoardId == board.Id);
                if (own is { Transport: MailTransportKind.Smtp, Host: { } host })
                {
                    smtpServers.Add((host, own.Port, own.Security));
                }
                else if (PickupProblem(transports.PickupFolder(board)) is { } problem)
                {
                    problems.Add($"{board.Slug}: {problem}");
                }
            }

            var answers = await Task.WhenAll(smtpServers.Select(server => SmtpProblemAsync(server, cancellationToken)));
            problems.AddRange(answers.OfType<string>());
            return problems.Count == 0
                ? HealthCheckResult.Healthy(smtpServers.Count == 0 ? "Pickup folders writable" : $"Pickup folders writable; {smtpServers.Count} SMTP server(s) answer")
                : HealthCheckResult.Unhealthy(string.Join(" ", problems));
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Cannot check the mail transports.", ex);
        }
    }

    private static string? PickupProblem(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".ready-{Guid.NewGuid():N}.tmp");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"pickup folder {folder} is not writable ({ex.Message})";
        }
    }

    private async Task<string?> SmtpProblemAsync((string Host, int Port, SmtpSecurity Security) server, CancellationToken cancellationToken)
    {
        var certificateFile = options.Value.SmtpTrustedCertificateFile;
        var endpoint = new SmtpEndpoint(server.Host, server.Port, server.Security, SignIn: null, Readiness.SmtpTimeout,
            string.IsNullOrWhiteSpace(certificateFile) ? null : MailTransports.LoadCertificate(certificateFile));
        try
        {
            await SmtpMailTransport.ProbeAsync(endpoint, cancellationToken);
            return null;
        }
        catch (SmtpException ex)
        {
            return $"SMTP {server.Host}:{server.Port}: {ex.Message}";
        }
    }
}
