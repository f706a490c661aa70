using System.Diagnostics;
using LearningHub.Cases.Domain;
using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Events.Domain;
using LearningHub.Forms.Domain;
using LearningHub.Notifications.Domain;
using LearningHub.Recipes.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LearningHub.Bench.Scale;

/// <summary>One seeded board: where it is and how many accounts it got.</summary>
public sealed record SeededBoard(int Index, string Slug, int Accounts);

/// <summary>What a seed made: the boards, the rows copied into each table, and each phase's time.</summary>
public sealed record ScaleReport(IReadOnlyList<SeededBoard> Boards, IReadOnlyDictionary<string, long> Rows, IReadOnlyList<(string Phase, TimeSpan Time, long Rows)> Phases);

/// <summary>
/// seed-scale: fills an empty PostgreSQL database with <see cref="ScaleSize"/>'s boards and their people and activity.
/// <list type="number">
/// <item>The real app starts over the database without serving (<see cref="SeedHost"/>): its start-up migrates it with the
/// app's EF Core model and makes the roles.</item>
/// <item>Each board is set up by the app's recipe executor from a recipe made from Norfolk's (<see cref="BoardRecipe"/>):
/// board settings, theme, taxonomies, role permissions, mail settings, evaluation forms, home and about pages.</item>
/// <item>The bulk rows (accounts and their roles, modules with a published version, sections and recommendations, events,
/// bookings, completions with certificates, evaluation submissions and answers, audit entries, mail) are made as the app's
/// entities (<see cref="BoardRows"/>) and written with binary COPY (<see cref="TableCopy{T}"/>), a board per transaction.
/// Every account has the same password hash, made once by the app's hasher: <see cref="Password"/> signs in everywhere.</item>
/// <item><c>ANALYZE</c>, and every identity sequence set past its table's highest id, so the app can insert afterwards.</item>
/// </list>
/// Same size and day, same data: every generated id, name and time comes from a random generator seeded by the board's
/// position, and times are counted from <c>today</c> (only the rows the recipes make get the app's own new ids).
/// </summary>
public static class ScaleSeeder
{
    /// <summary>Every seeded account's password: the app's default demo password.</summary>
    public const string Password = "Learning-Hub-Demo-1";

    public static async Task<ScaleReport> SeedAsync(string connectionString, ScaleSize size, TextWriter log, DateOnly? today = null, CancellationToken cancellationToken = default)
    {
        size.Check();
        var day = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var phases = new List<(string, TimeSpan, long)>();
        var total = Stopwatch.StartNew();
        log.WriteLine($"seed-scale: {size}; today {day:yyyy-MM-dd}");

        var clock = Stopwatch.StartNew();
        await using var host = new SeedHost(connectionString);
        // Starting the app runs its start-up: migrations with the real model, then the roles.
        var services = host.Services;
        Phase("migrate, roles (app start-up)", 0);
        await RefuseNonEmptyAsync(connectionString, cancellationToken);

        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "norfolk.recipe.json"), cancellationToken);
        var executor = services.GetRequiredService<RecipeExecutor>();
        for (var b = 0; b < size.Boards; b++)
        {
            var (_, slug, _) = BoardRecipe.Identity(b);
            await executor.ApplyAsync($"scale-{slug}.recipe.json", BoardRecipe.For(template, b), cancellationToken);
        }

        Phase($"boards from recipes ({size.Boards} recipes applied)", size.Boards);

        string passwordHash;
        IModel model;
        await using (var scope = services.CreateAsyncScope())
        {
            // PBKDF2 once, by the app's own hasher and its settings, rather than a million times.
            passwordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>().HashPassword(new ApplicationUser(), Password);
            model = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>().Model;
        }

        var accounts = Spread.Zipf(size.Accounts, size.LargestBoard, size.Boards);
        var bookings = Spread.Proportional(size.Bookings, accounts);
        var completions = Spread.Proportional(size.Completions, accounts);
        var answers = Spread.Proportional(size.EvaluationAnswers, accounts);
        var audit = Spread.Proportional(size.AuditEntries, accounts);
        var mail = Spread.Proportional(size.MailRows, accounts);

        var copies = new Copies(model);
        var times = new CopyTimes();
        var generation = TimeSpan.Zero;
        var boards = new List<SeededBoard>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Each board commits on its own: nothing is waiting for a flush that only the last board's commit needs.
        await using (var settings = new NpgsqlCommand("SET synchronous_commit = off", connection))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        // The bulk tables' foreign keys and secondary indexes are made again once at the end rather than checked and kept
        // up row by row (a trigger query per row and key, an index insertion per row and index): one pass per key, one
        // sort per index. Both come back exactly as the migrations made them, and re-adding a key checks every row, so
        // a row pointing nowhere or breaking a unique index still fails the seed, loudly. Primary keys stay throughout.
        clock.Restart();
        var foreignKeys = await ForeignKeysAsync(connection, copies.Tables, cancellationToken);
        foreach (var (table, name, _) in foreignKeys)
        {
            await using var drop = new NpgsqlCommand($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        var indexes = await SecondaryIndexesAsync(connection, copies.Tables, cancellationToken);
        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        Phase($"drop {foreignKeys.Count} foreign keys and {indexes.Count} secondary indexes of the {copies.Tables.Count} bulk tables", 0);
        // The next board's rows are made while this board's are copied (the client's work overlaps the server's).
        async Task<(BoardRows Rows, TimeSpan Took)> MakeAsync(int b)
        {
            var setup = await ReadSetupAsync(services, BoardRecipe.Identity(b).Slug, cancellationToken);
            var quota = new BoardQuota(accounts[b], size.ModulesPerBoard, size.EventsPerBoard, bookings[b], completions[b], answers[b], audit[b], mail[b], size.AuditDays);
            var made = Stopwatch.StartNew();
            var rows = new BoardRows(b, setup, quota, day, passwordHash);
            rows.Make();
            return (rows, made.Elapsed);
        }

        clock.Restart();
        var next = Task.Run(() => MakeAsync(0), cancellationToken);
        for (var b = 0; b < size.Boards; b++)
        {
            var (rows, took) = await next;
            generation += took;
            if (b + 1 < size.Boards)
            {
                var following = b + 1;
                next = Task.Run(() => MakeAsync(following), cancellationToken);
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await copies.WriteAsync(connection, times, rows);
            await transaction.CommitAsync(cancellationToken);
            var slug = BoardRecipe.Identity(b).Slug;
            boards.Add(new SeededBoard(b, slug, accounts[b]));
            if (b < 3 || (b + 1) % 10 == 0 || b == size.Boards - 1)
            {
                log.WriteLine($"  board {b + 1}/{size.Boards} {slug}: {accounts[b]:N0} accounts, {bookings[b]:N0} bookings ({total.Elapsed.TotalSeconds:F0} s in)");
            }
        }

        Phase("rows made and copied, a board per transaction (the parts below overlap)", times.Tables.Values.Sum(t => t.Rows));
        phases.Add(("  make rows in memory (all tables, beside the COPY)", generation, 0));
        foreach (var (table, (count, time)) in times.Tables)
        {
            phases.Add(($"  COPY {table}", time, count));
        }

        clock.Restart();
        await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '512MB'", connection))
        {
            await memory.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (name, definition) in indexes)
        {
            // The migrations' own definitions, as they were; a unique index the rows break fails here, naming itself.
            await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        Phase($"CREATE INDEX ({indexes.Count} indexes)", 0);
        foreach (var (table, name, definition) in foreignKeys)
        {
            await using var add = new NpgsqlCommand($"ALTER TABLE \"{table}\" ADD CONSTRAINT \"{name}\" {definition}", connection) { CommandTimeout = 0 };
            await add.ExecuteNonQueryAsync(cancellationToken);
        }

        Phase($"ADD FOREIGN KEY ({foreignKeys.Count} keys, every row checked)", 0);
        await AnalyzeAndResetSequencesAsync(connection, model, cancellationToken);
        Phase("ANALYZE, identity sequences", 0);

        log.WriteLine($"| phase | time | rows | rows/s |");
        log.WriteLine($"| --- | ---: | ---: | ---: |");
        foreach (var (phase, time, count) in phases)
        {
            log.WriteLine($"| {phase} | {time.TotalSeconds:F1} s | {(count > 0 ? count.ToString("N0") : "")} | {(count > 0 && time.TotalSeconds > 0 ? (count / time.TotalSeconds).ToString("N0") : "")} |");
        }

        var copied = times.Tables.ToDictionary(t => t.Key, t => t.Value.Rows);
        log.WriteLine($"seed-scale done in {total.Elapsed.TotalSeconds:F0} s: {copied.Values.Sum():N0} rows copied into {copied.Count} tables");
        return new ScaleReport(boards, copied, phases);

        void Phase(string name, long count)
        {
            phases.Add((name, clock.Elapsed, count));
            log.WriteLine($"  {name}: {clock.Elapsed.TotalSeconds:F1} s");
            clock.Restart();
        }
    }

    /// <summary>The foreign keys of the tables (those pointing from them), with their definitions.</summary>
    private static async Task<List<(string Table, string Name, string Definition)>> ForeignKeysAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT t.relname, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND n.nspname = current_schema() AND t.relname = ANY(@tables)
            ORDER BY t.relname, c.conname
            """, connection);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        var keys = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return keys;
    }

    /// <summary>
    /// The tables' indexes that no constraint owns or uses (not primary keys, not an index a foreign key references),
    /// with their definitions, as the migrations made them.
    /// </summary>
    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relname = ANY(@tables) AND NOT x.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            ORDER BY t.relname, i.relname
            """, connection);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    /// <summary>Seeding is for a new database: a second run on the same one would make duplicate boards' worth of keys.</summary>
    private static async Task RefuseNonEmptyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"Boards\"", connection);
        if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            throw new InvalidOperationException("The database already has boards: seed-scale fills a new, empty database (create one, or drop and re-create this one).");
        }
    }

    private static async Task<BoardSetup> ReadSetupAsync(IServiceProvider services, string slug, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardDirectory>().FindAsync(slug, cancellationToken)
                    ?? throw new InvalidOperationException($"The recipe did not make board {slug}");
        scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
        var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Key).ToListAsync(cancellationToken);
        var localities = await db.Localities.AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Key).ToListAsync(cancellationToken);
        var themes = await db.LearningThemes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Key).Select(t => t.Id).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Key).Select(t => t.Id).ToListAsync(cancellationToken);
        var forms = new Dictionary<string, SetupForm>(StringComparer.Ordinal);
        foreach (var form in await db.Set<Form>().AsNoTracking().ToListAsync(cancellationToken))
        {
            var version = await db.Set<FormVersion>().AsNoTracking().Include(v => v.Questions)
                .SingleAsync(v => v.FormId == form.Id && v.Number == form.CurrentVersion, cancellationToken);
            forms[form.Key] = new SetupForm(form.Id, version.Id, form.IsAnonymous, version.Questions.OrderBy(q => q.Position).ToList());
        }

        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        return new BoardSetup(board.Id, board.Slug, board.ShortName, agencies, localities, themes, topics, forms, roles);
    }

    private static async Task AnalyzeAndResetSequencesAsync(NpgsqlConnection connection, IModel model, CancellationToken cancellationToken)
    {
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 })
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        // Integer keys the database generates (identity columns): their sequences must start past any copied id.
        foreach (var entityType in model.GetEntityTypes().Where(t => t.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            foreach (var key in entityType.FindPrimaryKey()?.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))) ?? [])
            {
                var column = key.GetColumnName(table);
                await using var reset = new NpgsqlCommand(
                    $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table.Name}\"), 0) + 1, false) " +
                    $"WHERE pg_get_serial_sequence('\"{table.Name}\"', '{column}') IS NOT NULL", connection);
                await reset.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>One COPY writer per table, made from the model once.</summary>
    private sealed class Copies(IModel model)
    {
        private readonly TableCopy<ApplicationUser> _users = new(model);
        private readonly TableCopy<IdentityUserRole<string>> _userRoles = new(model);
        private readonly TableCopy<CaseModule> _modules = new(model);
        private readonly TableCopy<CaseModuleVersion> _versions = new(model);
        private readonly TableCopy<CaseSection> _sections = new(model);
        private readonly TableCopy<CaseRecommendation> _recommendations = new(model);
        private readonly TableCopy<CaseVersionTheme> _versionThemes = new(model);
        private readonly TableCopy<CaseVersionTopic> _versionTopics = new(model);
        private readonly TableCopy<CaseReviewEvent> _reviewEvents = new(model);
        private readonly TableCopy<LearningEvent> _events = new(model);
        private readonly TableCopy<EventLearningLink> _eventLinks = new(model);
        private readonly TableCopy<Booking> _bookings = new(model);
        private readonly TableCopy<CaseProgress> _progress = new(model);
        private readonly TableCopy<CaseCertificate> _certificates = new(model);
        private readonly TableCopy<FormSubmission> _submissions = new(model);
        private readonly TableCopy<FormAnswer> _answers = new(model);
        private readonly TableCopy<FormResponseReceipt> _receipts = new(model);
        private readonly TableCopy<AuditEntry> _audit = new(model);
        private readonly TableCopy<OutboxMessage> _mail = new(model);

        public IReadOnlyList<string> Tables =>
        [
            _users.Table, _userRoles.Table, _modules.Table, _versions.Table, _sections.Table, _recommendations.Table, _versionThemes.Table,
            _versionTopics.Table, _reviewEvents.Table, _events.Table, _eventLinks.Table, _bookings.Table, _progress.Table, _certificates.Table,
            _submissions.Table, _answers.Table, _receipts.Table, _audit.Table, _mail.Table,
        ];

        /// <summary>In the order the foreign keys need: a row's principal is always written first.</summary>
        public async Task WriteAsync(NpgsqlConnection connection, CopyTimes times, BoardRows rows)
        {
            await times.CopyAsync(connection, _users, rows.Users);
            await times.CopyAsync(connection, _userRoles, rows.UserRoles);
            await times.CopyAsync(connection, _modules, rows.Modules);
            await times.CopyAsync(connection, _versions, rows.Versions);
            await times.CopyAsync(connection, _sections, rows.Sections);
            await times.CopyAsync(connection, _recommendations, rows.Recommendations);
            await times.CopyAsync(connection, _versionThemes, rows.VersionThemes);
            await times.CopyAsync(connection, _versionTopics, rows.VersionTopics);
            await times.CopyAsync(connection, _reviewEvents, rows.ReviewEvents);
            await times.CopyAsync(connection, _events, rows.Events);
            await times.CopyAsync(connection, _eventLinks, rows.EventLinks);
            await times.CopyAsync(connection, _bookings, rows.Bookings);
            await times.CopyAsync(connection, _progress, rows.Progress);
            await times.CopyAsync(connection, _certificates, rows.Certificates);
            await times.CopyAsync(connection, _submissions, rows.Submissions);
            await times.CopyAsync(connection, _answers, rows.Answers);
            await times.CopyAsync(connection, _receipts, rows.Receipts);
            await times.CopyAsync(connection, _audit, rows.Audit);
            await times.CopyAsync(connection, _mail, rows.Mail);
        }
    }
}

/// <summary>How totals are shared among the boards.</summary>
public static class Spread
{
    /// <summary>
    /// Accounts per board, Zipf-like (the k-th board's share in proportion to 1/k^s), with the exponent s found so the
    /// first board holds exactly <paramref name="largest"/>; sums to <paramref name="total"/> exactly.
    /// </summary>
    public static int[] Zipf(int total, int largest, int boards)
    {
        double Share(double s) => 1 / Enumerable.Range(1, boards).Sum(k => Math.Pow(k, -s));
        var (low, high) = (0.0, 8.0);
        for (var i = 0; i < 100; i++)
        {
            var middle = (low + high) / 2;
            (low, high) = Share(middle) * total < largest ? (middle, high) : (low, middle);
        }

        var weights = Enumerable.Range(1, boards).Select(k => Math.Pow(k, -low)).ToArray();
        var counts = new int[boards];
        counts[0] = largest;
        var rest = Proportional(total - largest, weights[1..]);
        Array.Copy(rest, 0, counts, 1, rest.Length);
        // Rounding may leave a board under the staff it needs; take from the largest of the rest.
        for (var b = 1; b < boards; b++)
        {
            while (counts[b] < ScaleSize.StaffPerBoard + 1)
            {
                var donor = Array.IndexOf(counts, counts.Skip(1).Max(), 1);
                counts[donor]--;
                counts[b]++;
            }
        }

        return counts;
    }

    public static int[] Proportional(int total, int[] weights) => Proportional(total, weights.Select(w => (double)w).ToArray());

    /// <summary>Splits a total in proportion to the weights, largest remainders rounded up, so the parts sum to the total.</summary>
    public static int[] Proportional(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum == 0 ? 0 : total * w / sum).ToArray();
        var parts = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var left = total - parts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(left))
        {
            parts[i]++;
        }

        return parts;
    }
}
