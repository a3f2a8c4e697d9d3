namespace TriageBot.Escalations;

/// <summary>A lead's question the reporter has just answered: the escalation it was asked on and its incident.</summary>
public sealed record PendingQuestion(string EscalationId, string IncidentId);
