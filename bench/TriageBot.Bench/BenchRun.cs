using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TriageBot.Bench.Connector;
using TriageBot.Bench.Driver;
using TriageBot.Bench.Reporting;
using TriageBot.Bench.Scenarios;
using TriageBot.Bench.Targets;

namespace TriageBot.Bench;

/// <summary>
/// One benchmark run: the loopback connector, then the floor, then TriageBot on each store (seeded, warmed up,
/// measured saturated then paced, with its memory sampled), then the table. Exit code 0 when every measured phase ran
/// without errors.
/// </summary>
internal sealed partial class BenchRun(BenchOptions options, TextWriter console)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Read();
        var runId = startedAt.ToString("HHmmss", CultureInfo.InvariantCulture);
        if (!string.Equals(BenchOptions.BuildConfiguration, "Release", StringComparison.OrdinalIgnoreCase))
        {
            Say($"Warning: this is a {BenchOptions.BuildConfiguration} build; figures are only comparable from -c Release.");
        }

        Say($"Machine: {machine.Describe()}");
        Say($"Scenario: {TriageScenario.Steps.Count} steps per report (+ the welcome on a new chat); report-to-card ends at " +
            $"{(TriageScenario.NeedsLeads ? "the card's POST to a duty lead" : "the escalation notice to the reporter")}.");

        await using var connector = await LoopbackConnector.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var driver = new LoadDriver(http, connector, new DriverSettings(runId, options.TurnTimeout, options.CardTimeout, options.Trace ? console : null));

        var results = new List<TargetResult>();
        try
        {
            if (options.Floor)
            {
                results.Add(await RunFloorAsync(driver, cancellationToken));
            }

            foreach (var store in options.Stores.Select(s => BotStore.Find(s)!))
            {
                results.Add(await RunTriageBotAsync(driver, store, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Say("Cancelled.");
            return 130;
        }
        catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException)
        {
            Say($"Stopped: {exception.Message}");
            return 1;
        }

        if (connector.UnexpectedCalls > 0)
        {
            Say($"Warning: the connector got {connector.UnexpectedCalls} calls to routes a Bot Connector does not have.");
        }

        var table = ResultsTable.Render(options, machine, results, startedAt);
        console.WriteLine();
        console.WriteLine(table);
        if (options.Output is { } output)
        {
            await File.WriteAllTextAsync(output, table, cancellationToken);
            Say($"Results written to {output}");
        }

        var ran = results.Where(r => r.Saturated is not null).ToList();
        return ran.Any(r => !r.IsFloor) && ran.All(r => r.Phases.All(p => p.Metrics.ErrorCount == 0)) && connector.UnexpectedCalls == 0 ? 0 : 1;
    }

    private async Task<TargetResult> RunFloorAsync(LoadDriver driver, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("triagebot-bench-floor-").FullName;
        try
        {
            await using var floor = await TargetProcess.StartAsync("FloorBot", options.FloorDll, root, [], new Dictionary<string, string>(), "healthz", StartTimeout);
            var target = new Target("floor", TargetKind.Floor, floor.MessagesUrl);
            Say($"Floor: FloorBot (pid {ProcessId(floor)}) at {floor.BaseAddress}");
            var warmup = await WarmUpAsync(driver, target, "floorwarm", cancellationToken);
            var saturated = await MeasureAsync(driver, target, floor, "floor", paced: false, cancellationToken);
            CatchUp? quietAfter = options.ThinkTime > TimeSpan.Zero ? await SettleAsync(target, floor, cancellationToken) : null;
            var paced = options.ThinkTime > TimeSpan.Zero ? await MeasureAsync(driver, target, floor, "floorpaced", paced: true, cancellationToken) : null;
            return new TargetResult("floor (minimal ASP.NET Core bot)", IsFloor: true)
            {
                Warmup = warmup,
                Saturated = saturated,
                QuietAfter = quietAfter,
                Paced = paced,
                HighWaterMarkKb = floor.Memory.HighWaterMarkKb,
            };
        }
        finally
        {
            TryDelete(root);
        }
    }

    private async Task<TargetResult> RunTriageBotAsync(LoadDriver driver, BotStore store, CancellationToken cancellationToken)
    {
        var name = $"TriageBot, {store.Name}";
        if (store.NotAvailable is { } reason)
        {
            Say($"{name}: skipped: {reason}.");
            return new TargetResult(name, IsFloor: false) { Skipped = reason };
        }

        if (store.Name == "postgres" && options.PostgresConnection is null)
        {
            Say($"{name}: skipped: no --postgres connection string.");
            return new TargetResult(name, IsFloor: false) { Skipped = "no --postgres connection string" };
        }

        var root = Directory.CreateTempSubdirectory("triagebot-bench-").FullName;
        try
        {
            // As deployed: the app's appsettings.json in its content root (its log levels keep ASP.NET Core's own
            // per-request lines out of the log; without it every request would write five more lines).
            File.Copy(Path.Combine(Path.GetDirectoryName(options.BotDll)!, "appsettings.json"), Path.Combine(root, "appsettings.json"));
            var arguments = store.BotArguments(root, options.PostgresConnection).Concat(options.BotArguments).ToList();
            await using var log = options.BotLog is { } logPath ? new StreamWriter(logPath, append: true) : null;
            await using var bot = await TargetProcess.StartAsync(name, options.BotDll, root, arguments, options.BotEnvironment, "readyz", StartTimeout, log);
            var target = new Target(name, TargetKind.TriageBot, bot.MessagesUrl);
            Say($"{name}: pid {ProcessId(bot)} at {bot.BaseAddress}, content root {root}");

            if (TriageScenario.NeedsLeads)
            {
                var leads = DutyLeads(Path.Combine(Path.GetDirectoryName(options.BotDll)!, "protocols", "rota.yaml"));
                await driver.RegisterLeadsAsync(target, leads, cancellationToken);
                Say($"{name}: {leads.Count} duty rota people have a 1:1 chat with the bot");
            }

            var (stored, seedTime, seedRate) = await SeedAsync(driver, target, bot, cancellationToken);
            var warmup = await WarmUpAsync(driver, target, "warm", cancellationToken);
            stored += warmup?.ConversationsCompleted ?? 0;
            var rssBefore = bot.Memory.RssKb;
            Say($"{name}: {stored:N0} incidents stored; RSS now {(rssBefore ?? 0) / 1024} MiB");

            var saturated = await MeasureAsync(driver, target, bot, "run", paced: false, cancellationToken);
            ExplainErrors(name, bot, saturated);
            PhaseResult? paced = null;
            CatchUp? quietAfter = null;
            if (options.ThinkTime > TimeSpan.Zero)
            {
                quietAfter = await SettleAsync(target, bot, cancellationToken);
                paced = await MeasureAsync(driver, target, bot, "paced", paced: true, cancellationToken);
                ExplainErrors(name, bot, paced);
            }

            var result = new TargetResult(name, IsFloor: false)
            {
                Warmup = warmup,
                Saturated = saturated,
                QuietAfter = quietAfter,
                Paced = paced,
                HighWaterMarkKb = bot.Memory.HighWaterMarkKb,
                IncidentsBefore = stored,
                SeedTime = seedTime,
                SeedTurnsPerSecond = seedRate,
                DatabaseBytes = DatabaseSize(root),
            };
            if (options.Keep)
            {
                Say($"{name}: content root kept at {root}");
            }

            return result;
        }
        finally
        {
            if (!options.Keep)
            {
                TryDelete(root);
            }
        }
    }

    /// <summary>Completes K reports through the bot's own endpoint (no writes behind its back), as fast as it takes them.</summary>
    private async Task<(long Stored, TimeSpan Time, double TurnsPerSecond)> SeedAsync(LoadDriver driver, Target target, TargetProcess bot, CancellationToken cancellationToken)
    {
        if (options.IncidentsPreloaded == 0)
        {
            return (0, TimeSpan.Zero, 0);
        }

        Say($"{target.Name}: seeding {options.IncidentsPreloaded:N0} incidents at concurrency {options.SeedingConcurrency}...");
        var clock = Stopwatch.StartNew();
        long completed = 0, turns = 0;
        for (var pass = 0; completed < options.IncidentsPreloaded; pass++)
        {
            var seeded = new RunMetrics();
            var before = completed;
            using (var progress = StartProgress(() => $"{target.Name}: seeding, {before + seeded.ConversationsCompleted:N0} of {options.IncidentsPreloaded:N0} after {clock.Elapsed.TotalSeconds:0} s", cancellationToken))
            {
                await driver.RunAsync(target, $"seed{pass}", options.SeedingConcurrency, PhaseLength.UpTo(options.IncidentsPreloaded - completed, null), cancellationToken, metrics: seeded);
                await progress.CancelAsync();
            }

            completed += seeded.ConversationsCompleted;
            turns += seeded.Turns;
            if (seeded.ErrorCount > 0)
            {
                Say($"{target.Name}: seeding had {seeded.ErrorCount} errors: {string.Join("; ", seeded.Errors.Select(e => $"{e.Key} × {e.Value}"))}");
            }

            if (bot.HasExited || seeded.Aborted || seeded.ConversationsCompleted < seeded.ConversationsStarted / 2)
            {
                throw new InvalidOperationException($"{target.Name}: seeding stopped: most reports went wrong.{Environment.NewLine}{bot.LastOutput}");
            }
        }

        Say($"{target.Name}: seeded {completed:N0} incidents in {clock.Elapsed.TotalSeconds:0} s ({turns / clock.Elapsed.TotalSeconds:N0} turns/s)");
        return (completed, clock.Elapsed, turns / clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// At least W reports and at least S seconds at concurrency C, whichever ends later: by count alone, the fast floor
    /// was measured before .NET had finished tiering it up (a quarter of its warm throughput), and TriageBot too goes
    /// on tiering up for a while.
    /// </summary>
    private async Task<RunMetrics?> WarmUpAsync(LoadDriver driver, Target target, string phase, CancellationToken cancellationToken)
    {
        if (options.WarmupConversations == 0 && options.WarmupTime == TimeSpan.Zero)
        {
            return null;
        }

        var length = PhaseLength.AtLeast(options.WarmupConversations, options.WarmupTime);
        Say($"{target.Name}: warming up, {length.Describe()} at concurrency {options.Concurrency}...");
        var warm = await driver.RunAsync(target, phase, options.Concurrency, length, cancellationToken);
        Say(string.Create(CultureInfo.InvariantCulture,
            $"{target.Name}: warmed up with {warm.ConversationsCompleted:N0} reports in {warm.Elapsed.TotalSeconds:0.0} s ({warm.TurnsPerSecond:N0} turns/s)"));
        if (warm.ErrorCount > 0)
        {
            Say($"{target.Name}: warm-up had {warm.ErrorCount} errors: {string.Join("; ", warm.Errors.Select(e => $"{e.Key} × {e.Value}"))}");
        }

        if (warm.Aborted)
        {
            throw new InvalidOperationException($"{target.Name}: every warm-up report went wrong; not measuring.");
        }

        return warm;
    }

    /// <summary>
    /// Waits, unmeasured, until the bot has worked off what the saturated phase left it (deliveries, projections), so
    /// the paced phase is not the burst's tail; how long that took is in the table.
    /// </summary>
    private async Task<CatchUp> SettleAsync(Target target, TargetProcess process, CancellationToken cancellationToken)
    {
        Say($"{target.Name}: waiting for the bot to finish what the saturated phase left it...");
        var (after, cpu) = await QuietWait.UntilQuietAsync(process.Memory.Pid, cancellationToken);
        Say(after is { } took
            ? string.Create(CultureInfo.InvariantCulture, $"{target.Name}: quiet {took.TotalSeconds:0.0} s after the saturated phase, having used {cpu.TotalSeconds:0.0} s of CPU")
            : $"{target.Name}: still busy {QuietWait.Longest.TotalSeconds:0} s after the saturated phase; measuring the paced phase anyway");
        return new CatchUp(after, cpu);
    }

    /// <summary>
    /// One measured phase, with the bot's memory sampled and the cores' use read around it. Saturated: closed loop, N
    /// reports or --duration. Paced: the same C, each worker pausing a think time before every turn, for
    /// --paced-duration; at saturation a turn's latency is mostly its wait behind the other C - 1 (about C / throughput),
    /// which is not what staff taking time to read and answer would feel.
    /// </summary>
    private async Task<PhaseResult> MeasureAsync(LoadDriver driver, Target target, TargetProcess process, string phase, bool paced, CancellationToken cancellationToken)
    {
        var length = paced ? PhaseLength.UpTo(null, options.PacedDuration) : PhaseLength.UpTo(options.Conversations, options.Duration);
        var label = paced ? $"paced (think time {ThinkTimePacer.Range(options.ThinkTime)})" : "saturated";
        Say($"{target.Name}: measuring, {label}, {length.Describe()} at concurrency {options.Concurrency}...");
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = process.Memory.SampleAsync(SampleInterval, stopSampling.Token);
        var cpu = CpuUsage.Start(process.Memory.Pid);
        var measured = await driver.RunAsync(target, phase, options.Concurrency, length, cancellationToken, trace: !paced, thinkTime: paced ? options.ThinkTime : null);
        var shares = cpu.Stop();
        await stopSampling.CancelAsync();
        await sampling;
        Say(string.Create(CultureInfo.InvariantCulture,
            $"{target.Name}, {label}: {measured.TurnsPerSecond:N0} turns/s, turn p99 {measured.TurnLatency.P99:0.0} ms, " +
            $"{(measured.ReportToCard.Count > 0 ? $"report-to-card p99 {measured.ReportToCard.P99:0} ms, " : string.Empty)}{measured.ErrorCount} errors, " +
            $"peak RSS {process.Memory.PeakSampledRssKb / 1024} MiB, CPU {shares.Target:P0} bot / {shares.Bench:P0} bench / {shares.Others:P0} other processes"));
        return new PhaseResult(measured, process.Memory.PeakSampledRssKb, shares);
    }

    /// <summary>After a phase with errors, the bot's last lines (why it exited, or what it logged about them).</summary>
    private void ExplainErrors(string name, TargetProcess bot, PhaseResult phase)
    {
        if (bot.HasExited)
        {
            Say($"{name}: the bot exited. Its last output:{Environment.NewLine}{bot.LastOutput}");
        }
        else if (phase.Metrics.ErrorCount > 0)
        {
            Say($"{name}: the bot's last output (for the errors):{Environment.NewLine}{bot.LastOutput}");
        }
    }

    /// <summary>Prints a line every 15 s until cancelled (seeding takes minutes).</summary>
    private CancellationTokenSource StartProgress(Func<string> line, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
            try
            {
                while (await timer.WaitForNextTickAsync(token))
                {
                    Say(line());
                }
            }
            catch (OperationCanceledException)
            {
                // Done.
            }
        }, CancellationToken.None);
        return stop;
    }

    /// <summary>Every person of the duty rota, with a 1:1 chat and the email Teams' member list gives for them.</summary>
    private static IReadOnlyList<LeadChat> DutyLeads(string rotaPath)
    {
        var emails = File.ReadLines(rotaPath).Select(l => EmailLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["email"].Value).Distinct().ToList();
        return [.. emails.Select((email, i) =>
        {
            var index = i.ToString("D2", CultureInfo.InvariantCulture);
            return new LeadChat(new Member($"29:bench-lead-{index}", $"Bench rota person {index}", Guid.NewGuid().ToString(), email), $"a:bench-lead-{index}");
        })];
    }

    private static long? DatabaseSize(string root)
    {
        var data = Path.Combine(root, "data");
        return Directory.Exists(data) ? new DirectoryInfo(data).EnumerateFiles().Sum(f => f.Length) : null;
    }

    private static int ProcessId(TargetProcess process) => process.Memory.Pid;

    private void Say(string line) => console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {line}"));

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that is exiting; it is a temporary folder.
        }
    }

    [GeneratedRegex(@"^\s*email:\s*(?<email>\S+@\S+)\s*$")]
    private static partial Regex EmailLine();
}
