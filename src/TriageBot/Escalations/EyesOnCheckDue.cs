namespace TriageBot.Escalations;

/// <summary>An open escalation whose reporter is due to be asked whether they are still with the student.</summary>
/// <param name="DueAt">The check-in's due time as read: the claim names it, so two timers send it once.</param>
public sealed record EyesOnCheckDue(string EscalationId, DateTimeOffset DueAt, string? ReporterConversationId, string ReporterId);
