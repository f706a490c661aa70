using System.Net;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// The same app, recipes and accounts on PostgreSQL (Database:Provider=Postgres), whose connections keep the
/// statements they run often prepared.
/// </summary>
public sealed class PostgresAppTests : IAsyncLifetime
{
    private readonly string _database = $"lh_app_{Guid.NewGuid():N}"[..20];
    private PostgresFactory? _factory;

    public Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is { } server)
        {
            _factory = new PostgresFactory(TestPostgres.ConnectionTo(_database));
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is null)
        {
            return;
        }

        await _factory.DisposeAsync();
        await TestPostgres.DropAsync(_database);
    }

    [PostgresFact]
    public async Task Boards_are_seeded_and_served_from_PostgreSQL()
    {
        var client = _factory!.CreateBrowserClient();

        var root = await client.GetDocumentAsync("/");
        Assert.NotNull(root.QuerySelector("main a[href='/norfolk']"));
        Assert.NotNull(root.QuerySelector("main a[href='/essex']"));

        await client.SignInAsync("essex", "coordinator@essex.demo");
        var reach = await client.GetDocumentAsync("/essex/manage");
        Assert.Contains("Essex Police", reach.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [PostgresFact]
    public async Task Registration_and_board_filters_work_on_PostgreSQL()
    {
        var client = _factory!.CreateBrowserClient();
        var (agency, locality) = await _factory.WithBoardAsync("norfolk", db =>
            Task.FromResult((db.Agencies.OrderBy(a => a.SortOrder).First().Id, db.Localities.OrderBy(l => l.SortOrder).First().Id)));
        var essexAgency = await _factory.WithBoardAsync("essex", db => Task.FromResult(db.Agencies.First().Id));

        var response = await client.SubmitFormAsync("/norfolk/account/register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Sam Postgres",
            ["Input.Email"] = "sam@police.example",
            ["Input.AgencyId"] = agency.ToString(),
            ["Input.JobRole"] = "Detective constable",
            ["Input.LocalityId"] = locality.ToString(),
            ["Input.Password"] = "a long enough password",
            ["Input.ConfirmPassword"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var admin = _factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/norfolk/admin/agencies/{essexAgency}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/norfolk/admin/agencies/{agency}/edit")).StatusCode);
    }

    [PostgresFact]
    public async Task A_connection_keeps_a_query_it_runs_again_and_again_prepared()
    {
        // The board's agency names, six times on one connection: Npgsql prepares a statement at its fifth run
        // (Auto Prepare Min Usages), so PostgreSQL holds it prepared on that connection from then on. Without the
        // app's Max Auto Prepare, Npgsql prepares nothing.
        var prepared = await _factory!.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                for (var i = 0; i < 6; i++)
                {
                    await db.Agencies.AsNoTracking().Where(a => a.Name != "").OrderBy(a => a.SortOrder).Select(a => a.Name).ToListAsync();
                }

                return await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Contains(prepared, statement => statement.Contains("FROM \"Agencies\"", StringComparison.Ordinal));
    }
}
