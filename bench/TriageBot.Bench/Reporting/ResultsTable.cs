using System.Globalization;
using System.Text;
using TriageBot.Bench.Driver;

namespace TriageBot.Bench.Reporting;

/// <summary>
/// The results as Markdown: the settings, the machine, one column per target with a section per measured phase
/// (saturated, then paced), each target met or missed for each phase, and each error.
/// </summary>
internal static class ResultsTable
{
    private const double TargetShareOfFloor = 0.5;
    private const double TargetTurnP99Ms = 25;
    private const double TargetReportToCardP99Ms = 250;
    private const double TargetRssMiB = 200;

    public static string Render(BenchOptions options, MachineInfo machine, IReadOnlyList<TargetResult> results, DateTimeOffset startedAt)
    {
        var floor = results.FirstOrDefault(r => r.IsFloor)?.Saturated?.Metrics;
        var shown = results.Where(r => r.Saturated is not null).ToList();
        var paced = options.ThinkTime > TimeSpan.Zero ? $"paced, think time {ThinkTimePacer.Range(options.ThinkTime)}" : null;
        var md = new StringBuilder();
        Line(md, $"**Run** {startedAt:yyyy-MM-dd HH:mm} UTC: C = {options.Concurrency} concurrent conversations, " +
                 $"{SaturatedLength(options)} measured saturated, " +
                 $"{(paced is null ? "no paced phase" : $"then a paced phase of {options.PacedDuration.TotalSeconds:0.#} s (think time {ThinkTimePacer.Range(options.ThinkTime)} before each turn)")}, " +
                 $"warmed up before each by at least {options.WarmupConversations} reports and at least {options.WarmupTime.TotalSeconds:0.#} s at the same C (unmeasured), {options.IncidentsPreloaded}" +
                 $" incidents preloaded at concurrency {options.SeedingConcurrency}" +
                 $"{(options.BotArguments.Count > 0 ? $", bot arguments {string.Join(' ', options.BotArguments)}" : string.Empty)}" +
                 $"{(options.BotEnvironment.Count > 0 ? $", bot environment {string.Join(' ', options.BotEnvironment.Select(e => $"{e.Key}={e.Value}"))}" : string.Empty)}; {BenchOptions.BuildConfiguration} build.");
        Line(md, $"**Machine** {machine.Describe()}. The bot, the driver and the loopback connector share these cores.");
        md.AppendLine();

        md.Append("| | ").AppendJoin(" | ", shown.Select(r => r.Name)).AppendLine(" | target |");
        md.Append("|---|").AppendJoin(string.Empty, shown.Select(_ => "---:|")).AppendLine("---|");
        Section(md, shown, "saturated: closed loop, each turn sent the moment the last was answered");
        PhaseRows(md, shown, r => r.Saturated, floor, "turns per second", saturated: true);
        if (paced is not null)
        {
            Section(md, shown, $"{paced} before every turn (not counted in the latencies)");
            PhaseRows(md, shown, r => r.Paced, floor, "turns per second (offered load)", saturated: false);
        }

        Section(md, shown, "whole run");
        Row(md, shown, "warm-up before measuring (unmeasured)", r => r.Warmup is { } w
            ? $"{w.ConversationsCompleted:N0} reports in {w.Elapsed.TotalSeconds:0.0} s, {w.TurnsPerSecond:N0} turns/s"
            : "none");
        if (options.ThinkTime > TimeSpan.Zero)
        {
            Row(md, shown, "after the saturated phase: quiet again after (outbox and projections caught up; unmeasured)", r => r.QuietAfter is { After: { } quiet } catchUp
                ? string.Create(CultureInfo.InvariantCulture, $"{quiet.TotalSeconds:0.0} s, {catchUp.Cpu.TotalSeconds:0.0} s of CPU")
                : $"not within {Targets.QuietWait.Longest.TotalSeconds:0} s");
            Row(md, shown, "bot CPU time per saturated turn, catching up included (ms)", r => r.Saturated is { } phase && r.QuietAfter is { } catchUp && phase.Metrics.Turns > 0
                ? Ms((phase.Cpu.Target * Environment.ProcessorCount * phase.Metrics.Elapsed.TotalMilliseconds + catchUp.Cpu.TotalMilliseconds) / phase.Metrics.Turns)
                : "n/a");
        }

        Row(md, shown, "VmHWM, whole process life (MiB)", r => MiB(r.HighWaterMarkKb));
        Row(md, shown, "incidents stored when measuring began", r => r.IsFloor ? "n/a" : $"{r.IncidentsBefore:N0}", "10,000");
        Row(md, shown, "seeding", r => r.IsFloor || r.SeedTime == TimeSpan.Zero ? "n/a" : $"{r.SeedTime.TotalSeconds:0} s, {r.SeedTurnsPerSecond:N0} turns/s");
        Row(md, shown, "database size after (MiB)", r => r.DatabaseBytes is { } bytes ? $"{bytes / 1024.0 / 1024.0:0.0}" : "n/a");

        md.AppendLine();
        foreach (var result in shown.Where(r => !r.IsFloor))
        {
            Verdicts(md, result, floor, paced);
        }

        foreach (var result in results.Where(r => r.Skipped is not null))
        {
            Line(md, $"- {result.Name}: not run: {result.Skipped}.");
        }

        foreach (var result in shown)
        {
            foreach (var (phase, label) in new[] { (result.Saturated, "saturated"), (result.Paced, "paced") })
            {
                if (phase is { Metrics.ErrorCount: > 0 } m)
                {
                    Line(md, $"- errors of {result.Name}, {label}: {string.Join("; ", m.Metrics.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} × {e.Value}"))}");
                }
            }
        }

        return md.ToString();
    }

    /// <summary>
    /// The rows of one measured phase. The share of the floor and the CPU time per turn only mean something saturated:
    /// paced, both bots serve the same offered load, and a mostly idle bot's CPU time is mostly not its turns'.
    /// </summary>
    private static void PhaseRows(StringBuilder md, IReadOnlyList<TargetResult> shown, Func<TargetResult, PhaseResult?> phaseOf, RunMetrics? floor, string rateLabel, bool saturated)
    {
        string Cell(TargetResult r, Func<PhaseResult, string> cell) => phaseOf(r) is { } phase ? cell(phase) : "n/a";

        Row(md, shown, "reports completed / started", r => Cell(r, p => $"{p.Metrics.ConversationsCompleted:N0} / {p.Metrics.ConversationsStarted:N0}"));
        Row(md, shown, "turns (HTTP 200)", r => Cell(r, p => $"{p.Metrics.Turns:N0} in {p.Metrics.Elapsed.TotalSeconds:0.0} s"));
        Row(md, shown, $"**{rateLabel}**", r => Cell(r, p => $"**{p.Metrics.TurnsPerSecond:N0}**"));
        if (saturated && floor is not null)
        {
            Row(md, shown, "**share of the floor**", r => Cell(r, p => $"**{p.Metrics.TurnsPerSecond / floor.TurnsPerSecond:P0}**"), $"≥ {TargetShareOfFloor:P0}");
        }

        Row(md, shown, "turn latency p50 (ms)", r => Cell(r, p => Ms(p.Metrics.TurnLatency.P50)));
        Row(md, shown, "turn latency p90 (ms)", r => Cell(r, p => Ms(p.Metrics.TurnLatency.P90)));
        Row(md, shown, "**turn latency p99 (ms)**", r => Cell(r, p => $"**{Ms(p.Metrics.TurnLatency.P99)}**"), $"≤ {TargetTurnP99Ms:0}");
        Row(md, shown, "turn latency max (ms)", r => Cell(r, p => Ms(p.Metrics.TurnLatency.Max)));
        Row(md, shown, "report-to-card p50 (ms)", r => r.IsFloor ? "n/a" : Cell(r, p => Ms(p.Metrics.ReportToCard.P50)));
        Row(md, shown, "**report-to-card p99 (ms)**", r => r.IsFloor ? "n/a" : Cell(r, p => $"**{Ms(p.Metrics.ReportToCard.P99)}**"), $"≤ {TargetReportToCardP99Ms:0}");
        Row(md, shown, "CPU of all cores: bot / bench / other processes", r => Cell(r, p => $"{p.Cpu.Target:P0} / {p.Cpu.Bench:P0} / {p.Cpu.Others:P0}"));
        if (saturated)
        {
            Row(md, shown, "bot CPU time per turn (ms)", r => Cell(r, p => p.Metrics.Turns > 0
                ? Ms(p.Cpu.Target * Environment.ProcessorCount * p.Metrics.Elapsed.TotalMilliseconds / p.Metrics.Turns)
                : "n/a"));
        }

        Row(md, shown, "errors", r => Cell(r, p => $"{p.Metrics.ErrorCount:N0}"), "0");
        Row(md, shown, "**peak RSS (MiB)**", r => Cell(r, p => $"**{MiB(p.PeakRssKb)}**"), $"≤ {TargetRssMiB:0}");
    }

    /// <summary>Every target for every phase it applies to, met or missed, with the figure it was judged on.</summary>
    private static void Verdicts(StringBuilder md, TargetResult result, RunMetrics? floor, string? paced)
    {
        var saturated = result.Saturated!.Metrics;
        var verdicts = new List<string>
        {
            floor is null
                ? "throughput share of the floor not measured (no floor run)"
                : Verdict("throughput ≥ 50% of the floor", saturated.TurnsPerSecond >= TargetShareOfFloor * floor.TurnsPerSecond, $"{saturated.TurnsPerSecond / floor.TurnsPerSecond:P0}"),
        };
        verdicts.AddRange(LatencyVerdicts(saturated));
        Line(md, $"- {result.Name}, saturated: {string.Join("; ", verdicts)}.");

        if (paced is null)
        {
            Line(md, $"- {result.Name}, paced: not run (--think-time 0), so nothing is said here of the latency staff would feel.");
        }
        else
        {
            Line(md, $"- {result.Name}, {paced}: {(result.Paced is { } p ? string.Join("; ", LatencyVerdicts(p.Metrics)) : "**missing**")}.");
        }

        var rss = result.PeakRssKb is { } kb ? kb / 1024.0 : double.NaN;
        var memory = new List<string> { Verdict($"RSS ≤ {TargetRssMiB:0} MiB", rss <= TargetRssMiB, $"peak {MiB(result.PeakRssKb)} MiB over {(result.Paced is null ? "the saturated phase" : "both phases")}") };
        if (result.IncidentsBefore < 10_000)
        {
            memory.Add($"(only {result.IncidentsBefore:N0} incidents stored, not the 10,000 of the target)");
        }

        Line(md, $"- {result.Name}: {string.Join("; ", memory)}.");
    }

    private static IEnumerable<string> LatencyVerdicts(RunMetrics m) =>
    [
        Verdict($"turn p99 ≤ {TargetTurnP99Ms:0} ms", m.TurnLatency.P99 <= TargetTurnP99Ms, $"{Ms(m.TurnLatency.P99)} ms"),
        Verdict($"report-to-card p99 ≤ {TargetReportToCardP99Ms:0} ms", m.ReportToCard.P99 <= TargetReportToCardP99Ms, $"{Ms(m.ReportToCard.P99)} ms"),
        Verdict("no errors", m.ErrorCount == 0, $"{m.ErrorCount:N0}"),
    ];

    private static string SaturatedLength(BenchOptions options) => (options.Conversations, options.Duration) switch
    {
        ({ } n, { } d) => $"{n} reports or {d.TotalSeconds:0} s",
        ({ } n, null) => $"{n} reports",
        (null, { } d) => $"{d.TotalSeconds:0} s",
        _ => "no limit",
    };

    private static string Verdict(string what, bool met, string figure) => $"{what} {(met ? "met" : "**missed**")} ({figure})";

    /// <summary>A row naming the phase whose rows follow.</summary>
    private static void Section(StringBuilder md, IReadOnlyList<TargetResult> results, string title) =>
        Row(md, results, $"***{title}***", _ => string.Empty);

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
