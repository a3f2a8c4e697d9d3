namespace TriageBot.Incidents;

/// <summary>What is still open on an incident: it may close only when both are zero (and its report has ended).</summary>
public sealed record IncidentOpenWork(long Escalations, long FollowUps);
