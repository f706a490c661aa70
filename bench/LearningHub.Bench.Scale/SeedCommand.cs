namespace LearningHub.Bench.Scale;

// seed-scale: dotnet run --project bench/LearningHub.Bench.Scale -c Release -- seed --size full|tenth|small [--boards N ...] --connection "Host=...".
// The jobs benchmark on a seeded database: ... -- jobs --connection "Host=..." (JobsCommand).
internal static class SeedCommand
{
    private const string Usage = """
        Usage: dotnet run --project bench/LearningHub.Bench.Scale -c Release -- seed --connection "Host=...;Database=...;..." [options]
          --size full|tenth|small   preset (full: the issue's numbers; tenth: a tenth of every total; small: the test suite's)
          --boards N                boards (full: 150)
          --accounts N              accounts over all boards (1,000,000)
          --largest-board N         accounts on the largest board (40,000)
          --modules N               modules a board (20)
          --events N                events a board (200)
          --bookings N              bookings over all boards (5,000,000)
          --completions N           completed modules over all boards (3,000,000)
          --answers N               evaluation answers over all boards (2,000,000)
          --audit-days N            days the audit entries and mail are spread over (365)
          --audit N                 audit entries over all boards (1,500,000)
          --mail N                  outbox rows over all boards (1,000,000)
          --today yyyy-mm-dd        the day times count from (default: today, UTC); same parameters and day, same data
        The database must exist and be empty (the app's migrations make the tables). Every account's password is
        Learning-Hub-Demo-1; each board has admin@, coordinator@, author@ and lead@<slug>.example.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "jobs")
        {
            return await JobsCommand.RunAsync(args[1..]);
        }

        if (args.Length == 0 || args[0] != "seed" || args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return args.Contains("--help") ? 0 : 2;
        }

        string? Option(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        int Number(string name, int fallback) => Option(name) is { } value ? int.Parse(value.Replace("_", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) : fallback;

        var connection = Option("--connection") ?? Environment.GetEnvironmentVariable("LEARNINGHUB_SCALE_DATABASE");
        if (string.IsNullOrWhiteSpace(connection))
        {
            Console.Error.WriteLine("Give the database with --connection (or LEARNINGHUB_SCALE_DATABASE).");
            return 2;
        }

        var preset = ScaleSize.Preset(Option("--size") ?? "full");
        var size = preset with
        {
            Boards = Number("--boards", preset.Boards),
            Accounts = Number("--accounts", preset.Accounts),
            LargestBoard = Number("--largest-board", preset.LargestBoard),
            ModulesPerBoard = Number("--modules", preset.ModulesPerBoard),
            EventsPerBoard = Number("--events", preset.EventsPerBoard),
            Bookings = Number("--bookings", preset.Bookings),
            Completions = Number("--completions", preset.Completions),
            EvaluationAnswers = Number("--answers", preset.EvaluationAnswers),
            AuditDays = Number("--audit-days", preset.AuditDays),
            AuditEntries = Number("--audit", preset.AuditEntries),
            MailRows = Number("--mail", preset.MailRows),
        };
        DateOnly? today = Option("--today") is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;

        // WebApplicationFactory finds the web project's content root through MvcTestingAppManifest.json beside this program.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await ScaleSeeder.SeedAsync(connection, size, Console.Out, today);
        return 0;
    }
}
