using System.Globalization;
using System.Reflection;

namespace TriageBot.Bench.Hostile;

/// <summary>The command line of the hostile-input run (issue 13), <c>bench/run.sh hostile ...</c>.</summary>
internal sealed record HostileOptions
{
    public const string Usage = """
        TriageBot.Bench hostile: seeded hostile activities, then many distinct conversations, against a Release TriageBot.

          --cases LIST               fuzz runs, each on a fresh bot (comma-separated case counts)    default 10000,50000
          --conversations N          then N distinct conversation ids, one message each (0: none)    default 100000
          --seed S                   the mutator's seed                                              default 13
          --concurrency C            requests in flight                                              default 8
          --keep                     keep the bots' content roots (database, log) and print where
          --bot-dll PATH             what to run (default: the Release build next to this one)
        """;

    public IReadOnlyList<int> Cases { get; init; } = [10_000, 50_000];

    public int Conversations { get; init; } = 100_000;

    public int Seed { get; init; } = 13;

    public int Concurrency { get; init; } = 8;

    public bool Keep { get; init; }

    public string BotDll { get; init; } =
        typeof(HostileOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "TriageBotDll")?.Value ?? string.Empty;

    public static HostileOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HostileOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--cases" => options with { Cases = [.. Value().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] },
                "--conversations" => options with { Conversations = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--keep" => options with { Keep = true },
                "--bot-dll" => options with { BotDll = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }
}
