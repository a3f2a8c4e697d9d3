namespace TriageBot.IncidentLog;

/// <summary>An event as projections read it: no personal data, no hashes.</summary>
public sealed record ProjectedEvent(long Sequence, string IncidentId, string Type, string ActorId, string? ActorAadObjectId, string? ActorName, string OccurredAt, string DataJson);
