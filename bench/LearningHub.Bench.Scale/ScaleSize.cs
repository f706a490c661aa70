namespace LearningHub.Bench.Scale;

/// <summary>
/// How much <see cref="ScaleSeeder"/> makes. Totals (accounts, bookings, completions, answers, audit entries, mail) are
/// spread over the boards unevenly: accounts Zipf-like with the largest board holding <see cref="LargestBoard"/>, and every
/// other total in proportion to a board's accounts (a big board books, completes and mails more). Modules and events are
/// per board.
/// </summary>
public sealed record ScaleSize
{
    public int Boards { get; init; }

    /// <summary>Accounts over all boards, the few staff accounts of each board included.</summary>
    public int Accounts { get; init; }

    /// <summary>Accounts on the biggest board (the first).</summary>
    public int LargestBoard { get; init; }

    public int ModulesPerBoard { get; init; }

    public int EventsPerBoard { get; init; }

    /// <summary>Bookings over all boards: confirmed, waitlisted, cancelled and walk-ins.</summary>
    public int Bookings { get; init; }

    /// <summary>Completed module progress rows (each with its certificate) over all boards.</summary>
    public int Completions { get; init; }

    /// <summary>Evaluation answers (the events' before / after / follow-up forms) over all boards.</summary>
    public int EvaluationAnswers { get; init; }

    /// <summary>Days back from today the audit entries and mail are spread over.</summary>
    public int AuditDays { get; init; }

    public int AuditEntries { get; init; }

    public int MailRows { get; init; }

    /// <summary>The numbers (issue 22): every board in England.</summary>
    public static ScaleSize Full { get; } = new()
    {
        Boards = 150,
        Accounts = 1_000_000,
        LargestBoard = 40_000,
        ModulesPerBoard = 20,
        EventsPerBoard = 200,
        Bookings = 5_000_000,
        Completions = 3_000_000,
        EvaluationAnswers = 2_000_000,
        AuditDays = 365,
        AuditEntries = 1_500_000,
        MailRows = 1_000_000,
    };

    /// <summary>What the test suite seeds: the same shape in seconds.</summary>
    public static ScaleSize Small { get; } = new()
    {
        Boards = 3,
        Accounts = 400,
        LargestBoard = 200,
        ModulesPerBoard = 3,
        EventsPerBoard = 6,
        Bookings = 600,
        Completions = 300,
        EvaluationAnswers = 400,
        AuditDays = 30,
        AuditEntries = 300,
        MailRows = 200,
    };

    public static ScaleSize Preset(string name) => name switch
    {
        "full" => Full,
        "small" => Small,
        // A tenth of every total, the same 150 boards and the same per-board shape.
        "tenth" => Full with
        {
            Accounts = Full.Accounts / 10,
            LargestBoard = Full.LargestBoard / 10,
            Bookings = Full.Bookings / 10,
            Completions = Full.Completions / 10,
            EvaluationAnswers = Full.EvaluationAnswers / 10,
            AuditEntries = Full.AuditEntries / 10,
            MailRows = Full.MailRows / 10,
        },
        _ => throw new ArgumentException($"Unknown size '{name}': use full, tenth or small."),
    };

    /// <summary>Staff accounts at the top of every board (admin, coordinator, author, agency lead), before the practitioners.</summary>
    public const int StaffPerBoard = 4;

    /// <summary>Throws with the reason when the numbers cannot make a valid board set.</summary>
    public void Check()
    {
        Require(Boards >= 1 && Boards <= BoardNames.All.Count, $"boards must be 1 to {BoardNames.All.Count}");
        Require(ModulesPerBoard >= 1 && EventsPerBoard >= 1 && AuditDays >= 1, "modules, events and audit days must be at least 1 a board");
        Require(LargestBoard >= StaffPerBoard + 1, $"the largest board needs at least {StaffPerBoard + 1} accounts");
        Require(Accounts >= LargestBoard, "accounts must be at least the largest board's");
        Require((long)LargestBoard * Boards >= Accounts, "the largest board times the boards must reach the accounts (every other board is smaller)");
        Require(Accounts >= Boards * (StaffPerBoard + 1), $"every board needs at least {StaffPerBoard + 1} accounts");
        Require(Bookings >= 0 && Completions >= 0 && EvaluationAnswers >= 0 && AuditEntries >= 0 && MailRows >= 0, "totals cannot be negative");
    }

    private static void Require(bool ok, string why)
    {
        if (!ok)
        {
            throw new ArgumentException($"Invalid size: {why}.");
        }
    }

    public override string ToString() =>
        $"{Boards:N0} boards, {Accounts:N0} accounts (largest board {LargestBoard:N0}), {ModulesPerBoard} modules and {EventsPerBoard} events a board, " +
        $"{Bookings:N0} bookings, {Completions:N0} completions, {EvaluationAnswers:N0} evaluation answers, " +
        $"{AuditEntries:N0} audit entries over {AuditDays} days, {MailRows:N0} mail rows";
}
