using System.Globalization;
using System.Reflection;

namespace TriageBot.Bench;

/// <summary>The command line. Every option has a default that is the documented full run (bench/README.md).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        TriageBot.Bench: C concurrent triage reports against TriageBot and against a minimal floor bot, over loopback.

          --concurrency C            concurrent conversations (members of staff)                   default 64
          --duration SECONDS         the saturated phase stops starting reports after this long   default 30
          --conversations N          or after N reports (given alone: no time limit)
          --think-time MS            then a paced phase: 0.5-1.5 x MS before each turn (0: none)  default 1000
          --paced-duration SECONDS   the paced phase stops starting reports after this long       default 30
          --store LIST               sqlite, postgres or all (comma-separated)                    default sqlite
          --postgres CONNECTION      the PostgreSQL connection string, for --store postgres
          --incidents-preloaded K    reports completed through the bot before measuring           default 10000
          --seed-concurrency C       concurrency of that seeding                                  default C
          --warmup W                 unmeasured reports before each measured phase, at least      default C
          --warmup-seconds S         and for at least this long (0: by count alone)               default 15
          --turn-timeout SECONDS     a turn not answered within this is an error                  default 30
          --card-timeout SECONDS     an escalation card not at the connector within this is an error  default 30
          --bot-arg ARG              one more argument for TriageBot (repeatable), e.g. --bot-arg=--Serilog:MinimumLevel:Default=Warning
          --bot-env KEY=VALUE        one more environment variable for TriageBot (repeatable), e.g. DOTNET_gcServer=0
          --bot-log FILE            write TriageBot's console (its log) to FILE
          --no-floor                 skip the floor (no share-of-floor figure)
          --smoke                    tiny numbers, for a quick check: C 4, N 8, K 20, W 4, S 0, think time 50 ms for 1 s
          --trace                    print the first measured report's transcript with timings
          --output FILE              also write the results (Markdown) to FILE
          --keep                     keep the bots' temporary content roots (databases) and print where
          --bot-dll PATH, --floor-dll PATH   what to run (default: the builds next to this one)
        """;

    public int Concurrency { get; init; } = 64;

    public long? Conversations { get; init; }

    public TimeSpan? Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The mean pause before each turn of the paced phase; zero: no paced phase.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromMilliseconds(1000);

    public TimeSpan PacedDuration { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> Stores { get; init; } = ["sqlite"];

    public string? PostgresConnection { get; init; }

    public long IncidentsPreloaded { get; init; } = 10_000;

    public int? SeedConcurrency { get; init; }

    public int? Warmup { get; init; }

    /// <summary>A warm-up also lasts at least this long: the JIT tiers up over seconds, whatever the count.</summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan TurnTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan CardTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> BotArguments { get; init; } = [];

    public IReadOnlyDictionary<string, string> BotEnvironment { get; init; } = new Dictionary<string, string>();

    public string? BotLog { get; init; }

    public bool Floor { get; init; } = true;

    public bool Smoke { get; init; }

    public bool Trace { get; init; }

    public string? Output { get; init; }

    public bool Keep { get; init; }

    public string BotDll { get; init; } = BuildMetadata("TriageBotDll");

    public string FloorDll { get; init; } = BuildMetadata("FloorBotDll");

    public static string BuildConfiguration => BuildMetadata("BuildConfiguration");

    public int WarmupConversations => Warmup ?? Concurrency;

    public int SeedingConcurrency => SeedConcurrency ?? Concurrency;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        var conversationsGiven = false;
        var durationGiven = false;
        var botArguments = new List<string>();
        var botEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value."));

            switch (name)
            {
                case "--concurrency": options = options with { Concurrency = Positive(name, Value()) }; break;
                case "--conversations": options = options with { Conversations = Positive(name, Value()) }; conversationsGiven = true; break;
                case "--duration": options = options with { Duration = Seconds(name, Value()) }; durationGiven = true; break;
                case "--think-time": options = options with { ThinkTime = TimeSpan.FromMilliseconds(NonNegative(name, Value())) }; break;
                case "--paced-duration": options = options with { PacedDuration = Seconds(name, Value()) }; break;
                case "--store": options = options with { Stores = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) }; break;
                case "--postgres": options = options with { PostgresConnection = Value() }; break;
                case "--incidents-preloaded": options = options with { IncidentsPreloaded = NonNegative(name, Value()) }; break;
                case "--seed-concurrency": options = options with { SeedConcurrency = Positive(name, Value()) }; break;
                case "--warmup": options = options with { Warmup = NonNegative(name, Value()) }; break;
                case "--warmup-seconds": options = options with { WarmupTime = NonNegativeSeconds(name, Value()) }; break;
                case "--turn-timeout": options = options with { TurnTimeout = Seconds(name, Value()) }; break;
                case "--card-timeout": options = options with { CardTimeout = Seconds(name, Value()) }; break;
                case "--bot-arg": botArguments.Add(Value()); break;
                case "--bot-env":
                    var pair = Value().Split('=', 2);
                    botEnvironment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException($"--bot-env needs KEY=VALUE, not '{pair[0]}'.");
                    break;
                case "--bot-log": options = options with { BotLog = Path.GetFullPath(Value()) }; break;
                case "--no-floor": options = options with { Floor = false }; break;
                case "--smoke": options = options with { Smoke = true }; break;
                case "--trace": options = options with { Trace = true }; break;
                case "--output": options = options with { Output = Value() }; break;
                case "--keep": options = options with { Keep = true }; break;
                case "--bot-dll": options = options with { BotDll = Path.GetFullPath(Value()) }; break;
                case "--floor-dll": options = options with { FloorDll = Path.GetFullPath(Value()) }; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        // The saturated phase lasts 30 s by default, the same wall time for every target (a count alone measured the
        // floor for about two seconds); --conversations alone makes it a count instead, both together whichever comes first.
        if (conversationsGiven && !durationGiven)
        {
            options = options with { Duration = null };
        }

        if (options.Smoke)
        {
            // A few seconds in all: no warm-up time, and a paced phase short enough to check that it works.
            options = options with
            {
                Concurrency = 4, Conversations = 8, Duration = null, IncidentsPreloaded = 20, Warmup = 4, WarmupTime = TimeSpan.Zero,
                ThinkTime = TimeSpan.FromMilliseconds(50), PacedDuration = TimeSpan.FromSeconds(1),
            };
        }

        if (options.Stores.Any(s => s.Equals("all", StringComparison.OrdinalIgnoreCase)))
        {
            options = options with { Stores = [.. Targets.BotStore.All.Select(s => s.Name)] };
        }

        foreach (var store in options.Stores)
        {
            _ = Targets.BotStore.Find(store) ?? throw new ArgumentException($"Unknown store '{store}': use {string.Join(", ", Targets.BotStore.All.Select(s => s.Name))} or all.");
        }

        return options with { BotArguments = botArguments, BotEnvironment = botEnvironment };
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a whole number above 0, not '{value}'.");

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} must be a whole number, not '{value}'.");

    private static TimeSpan Seconds(string name, string value) =>
        double.TryParse(value.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"{name} must be a number of seconds above 0, not '{value}'.");

    private static TimeSpan NonNegativeSeconds(string name, string value) =>
        double.TryParse(value.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"{name} must be a number of seconds, 0 or more, not '{value}'.");

    private static string BuildMetadata(string key) =>
        typeof(BenchOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value ?? string.Empty;
}
