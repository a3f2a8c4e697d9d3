using System.Globalization;
using System.Text;

namespace TriageBot.Bench.Reporting;

/// <summary>The results as Markdown: the settings, the machine, one column per target, the targets, and each error.</summary>
internal static class ResultsTable
{
    private const double TargetShareOfFloor = 0.5;
    private const double TargetTurnP99Ms = 25;
    private const double TargetReportToCardP99Ms = 250;
    private const double TargetRssMiB = 200;

    public static string Render(BenchOptions options, MachineInfo machine, IReadOnlyList<TargetResult> results, DateTimeOffset startedAt)
    {
        var floor = results.FirstOrDefault(r => r.IsFloor)?.Measured;
        var shown = results.Where(r => r.Measured is not null).ToList();
        var md = new StringBuilder();
        Line(md, $"**Run** {startedAt:yyyy-MM-dd HH:mm} UTC: C = {options.Concurrency} concurrent conversations, " +
                 $"{(options.Conversations is { } n ? $"{n} reports" : "no report limit")}{(options.Duration is { } d ? $" or {d.TotalSeconds:0} s" : string.Empty)} measured, " +
                 $"warmed up before each by at least {options.WarmupConversations} reports and at least {options.WarmupTime.TotalSeconds:0.#} s at the same C (unmeasured), {options.IncidentsPreloaded} incidents preloaded at concurrency {options.SeedingConcurrency}" +
                 $"{(options.BotArguments.Count > 0 ? $", bot arguments {string.Join(' ', options.BotArguments)}" : string.Empty)}" +
                 $"{(options.BotEnvironment.Count > 0 ? $", bot environment {string.Join(' ', options.BotEnvironment.Select(e => $"{e.Key}={e.Value}"))}" : string.Empty)}; {BenchOptions.BuildConfiguration} build.");
        Line(md, $"**Machine** {machine.Describe()}. The bot, the driver and the loopback connector share these cores.");
        md.AppendLine();

        md.Append("| | ").AppendJoin(" | ", shown.Select(r => r.Name)).AppendLine(" | target |");
        md.Append("|---|").AppendJoin(string.Empty, shown.Select(_ => "---:|")).AppendLine("---|");
        Row(md, shown, "reports completed / started", r => $"{r.Measured!.ConversationsCompleted:N0} / {r.Measured.ConversationsStarted:N0}");
        Row(md, shown, "turns (HTTP 200)", r => $"{r.Measured!.Turns:N0} in {r.Measured.Elapsed.TotalSeconds:0.0} s");
        Row(md, shown, "**turns per second**", r => $"**{r.Measured!.TurnsPerSecond:N0}**");
        if (floor is not null)
        {
            Row(md, shown, "**share of the floor**", r => $"**{r.Measured!.TurnsPerSecond / floor.TurnsPerSecond:P0}**", $"≥ {TargetShareOfFloor:P0}");
        }

        Row(md, shown, "turn latency p50 (ms)", r => Ms(r.Measured!.TurnLatency.P50));
        Row(md, shown, "turn latency p90 (ms)", r => Ms(r.Measured!.TurnLatency.P90));
        Row(md, shown, "**turn latency p99 (ms)**", r => $"**{Ms(r.Measured!.TurnLatency.P99)}**", $"≤ {TargetTurnP99Ms:0}");
        Row(md, shown, "turn latency max (ms)", r => Ms(r.Measured!.TurnLatency.Max));
        Row(md, shown, "report-to-card p50 (ms)", r => r.IsFloor ? "n/a" : Ms(r.Measured!.ReportToCard.P50));
        Row(md, shown, "**report-to-card p99 (ms)**", r => r.IsFloor ? "n/a" : $"**{Ms(r.Measured!.ReportToCard.P99)}**", $"≤ {TargetReportToCardP99Ms:0}");
        Row(md, shown, "CPU of all cores: bot / bench / other processes", r => r.Cpu is { } cpu ? $"{cpu.Target:P0} / {cpu.Bench:P0} / {cpu.Others:P0}" : "n/a");
        Row(md, shown, "bot CPU time per turn (ms)", r => r.Cpu is { } cpu && r.Measured!.Turns > 0
            ? Ms(cpu.Target * Environment.ProcessorCount * r.Measured.Elapsed.TotalMilliseconds / r.Measured.Turns)
            : "n/a");
        Row(md, shown, "errors", r => $"{r.Measured!.ErrorCount:N0}", "0");
        Row(md, shown, "**peak RSS, measured phase (MiB)**", r => $"**{MiB(r.PeakRssKb)}**", $"≤ {TargetRssMiB:0}");
        Row(md, shown, "warm-up before it (unmeasured)", r => r.Warmup is { } w
            ? $"{w.ConversationsCompleted:N0} reports in {w.Elapsed.TotalSeconds:0.0} s, {w.TurnsPerSecond:N0} turns/s"
            : "none");
        Row(md, shown, "VmHWM, whole process life (MiB)", r => MiB(r.HighWaterMarkKb));
        Row(md, shown, "incidents stored when measuring", r => r.IsFloor ? "n/a" : $"{r.IncidentsBefore:N0}", "10,000");
        Row(md, shown, "seeding", r => r.IsFloor || r.SeedTime == TimeSpan.Zero ? "n/a" : $"{r.SeedTime.TotalSeconds:0} s, {r.SeedTurnsPerSecond:N0} turns/s");
        Row(md, shown, "database size after (MiB)", r => r.DatabaseBytes is { } bytes ? $"{bytes / 1024.0 / 1024.0:0.0}" : "n/a");

        md.AppendLine();
        foreach (var result in shown.Where(r => !r.IsFloor))
        {
            var m = result.Measured!;
            var verdicts = new List<string>();
            if (floor is not null)
            {
                verdicts.Add(Verdict("throughput ≥ 50% of the floor", m.TurnsPerSecond >= TargetShareOfFloor * floor.TurnsPerSecond));
            }

            verdicts.Add(Verdict("turn p99 ≤ 25 ms", m.TurnLatency.P99 <= TargetTurnP99Ms));
            verdicts.Add(Verdict("report-to-card p99 ≤ 250 ms", m.ReportToCard.P99 <= TargetReportToCardP99Ms));
            verdicts.Add(Verdict("RSS ≤ 200 MiB", result.PeakRssKb is { } kb && kb / 1024.0 <= TargetRssMiB));
            verdicts.Add(Verdict("no errors", m.ErrorCount == 0));
            if (result.IncidentsBefore < 10_000)
            {
                verdicts.Add($"(only {result.IncidentsBefore:N0} incidents stored, not the 10,000 of the target)");
            }

            Line(md, $"- {result.Name}: {string.Join("; ", verdicts)}.");
        }

        foreach (var result in results.Where(r => r.Skipped is not null))
        {
            Line(md, $"- {result.Name}: not run: {result.Skipped}.");
        }

        foreach (var result in shown.Where(r => r.Measured!.ErrorCount > 0))
        {
            Line(md, $"- errors of {result.Name}: {string.Join("; ", result.Measured!.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} × {e.Value}"))}");
        }

        return md.ToString();
    }

    private static string Verdict(string what, bool met) => $"{what} {(met ? "met" : "**missed**")}";

    private static void Row(StringBuilder md, IReadOnlyList<TargetResult> results, string label, Func<TargetResult, string> cell, string target = "")
    {
        md.Append("| ").Append(label).Append(" | ");
        md.AppendJoin(" | ", results.Select(cell));
        md.Append(" | ").Append(target).AppendLine(" |");
    }

    private static void Line(StringBuilder md, string text) => md.AppendLine(text);

    private static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string MiB(long? kb) => kb is { } value ? (value / 1024.0).ToString("0", CultureInfo.InvariantCulture) : "n/a";
}
