namespace TriageBot.Bench.Reporting;

/// <summary>What one target (the floor, or TriageBot on one store) gave in its measured phases, and around them.</summary>
internal sealed record TargetResult(string Name, bool IsFloor)
{
    /// <summary>The unmeasured warm-up right before the saturated phase (null when there was none).</summary>
    public RunMetrics? Warmup { get; init; }

    /// <summary>Closed loop: each worker sends its next turn the moment the last was answered (the most the bot takes).</summary>
    public PhaseResult? Saturated { get; init; }

    /// <summary>
    /// What the bot still had to do after the saturated phase (its outbox and projections catching up) before the paced
    /// phase began; null without a paced phase.
    /// </summary>
    public CatchUp? QuietAfter { get; init; }

    /// <summary>Each worker pauses a think time before every turn (what staff feel); null with --think-time 0.</summary>
    public PhaseResult? Paced { get; init; }

    public string? Skipped { get; init; }

    /// <summary>VmHWM at the end: the highest RSS of the process's whole life, seeding included.</summary>
    public long? HighWaterMarkKb { get; init; }

    /// <summary>Reports completed through the bot (seeding and warm-up) when the saturated phase began.</summary>
    public long IncidentsBefore { get; init; }

    public TimeSpan SeedTime { get; init; }

    public double SeedTurnsPerSecond { get; init; }

    public long? DatabaseBytes { get; init; }

    /// <summary>The measured phases that ran, saturated first.</summary>
    public IEnumerable<PhaseResult> Phases => new[] { Saturated, Paced }.OfType<PhaseResult>();

    /// <summary>The highest RSS sampled in any measured phase.</summary>
    public long? PeakRssKb => Phases.Any() ? Phases.Max(p => p.PeakRssKb) : null;
}

/// <summary>How long after a phase the bot was quiet again (null: not within the bench's limit), and the CPU it used till then.</summary>
internal sealed record CatchUp(TimeSpan? After, TimeSpan Cpu);
