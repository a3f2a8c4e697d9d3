namespace TriageBot.Bench.Targets;

/// <summary>
/// A store TriageBot can run on, as the configuration the bench passes to the bot's command line. Adding a store the
/// bot gains (PostgreSQL, ARCHITECTURE.md "Scale") is one entry here.
/// </summary>
internal sealed record BotStore(string Name, string Description, string? NotAvailable, Func<string, string?, IReadOnlyList<string>> BotArguments)
{
    public static IReadOnlyList<BotStore> All { get; } =
    [
        new("sqlite", "SQLite, WAL journal, on the temporary content root's disk", null, (contentRoot, _) =>
        [
            $"--ConnectionStrings:TriageBot=Data Source={Path.Combine(contentRoot, "data", "triagebot.db")}",
            "--Storage:SqliteJournalMode=WAL",
        ]),

        // When the bot has a PostgreSQL store: drop NotAvailable and pass the key it reads (and its provider switch).
        new("postgres", "PostgreSQL (the connection string given with --postgres)",
            "TriageBot has no PostgreSQL store yet (src/TriageBot/Storage has SQLite only)", (_, connectionString) =>
        [
            $"--ConnectionStrings:TriageBot={connectionString}",
        ]),
    ];

    public static BotStore? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
