namespace TriageBot.IncidentLog;

/// <summary>What a projection read of the log: the events it wanted, how many it passed, and the last one passed.</summary>
public sealed record ProjectedBatch(IReadOnlyList<ProjectedEvent> Events, int Scanned, long LastScanned);
