namespace TriageBot.Bench.Reporting;

/// <summary>What one measured phase of one target gave: its turns and reports, the bot's highest sampled RSS, the cores' use.</summary>
internal sealed record PhaseResult(RunMetrics Metrics, long PeakRssKb, CpuShares Cpu);
