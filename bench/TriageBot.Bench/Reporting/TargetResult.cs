namespace TriageBot.Bench.Reporting;

/// <summary>What one target (the floor, or TriageBot on one store) gave in the measured phase, and around it.</summary>
internal sealed record TargetResult(string Name, bool IsFloor)
{
    /// <summary>The unmeasured warm-up right before the measured phase (null when there was none).</summary>
    public RunMetrics? Warmup { get; init; }

    public RunMetrics? Measured { get; init; }

    public string? Skipped { get; init; }

    /// <summary>Highest VmRSS sampled (every 100 ms) during the measured phase.</summary>
    public long? PeakRssKb { get; init; }

    /// <summary>VmHWM at the end: the highest RSS of the process's whole life, seeding included.</summary>
    public long? HighWaterMarkKb { get; init; }

    /// <summary>Reports completed through the bot (seeding and warm-up) when the measured phase began.</summary>
    public long IncidentsBefore { get; init; }

    public TimeSpan SeedTime { get; init; }

    public double SeedTurnsPerSecond { get; init; }

    public long? DatabaseBytes { get; init; }

    /// <summary>How the machine's cores were used during the measured phase.</summary>
    public CpuShares? Cpu { get; init; }
}
