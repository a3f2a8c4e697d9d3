namespace TriageBot.Escalations;

/// <summary>An escalation as the projector makes it: open, at the first person of <paramref name="Chain"/>, version 1.</summary>
/// <param name="EyesOnDue">When the reporter is first asked whether someone is with the student; null for none.</param>
public sealed record NewEscalation(
    string Id,
    string IncidentId,
    string? ProtocolId,
    string Level,
    string Reason,
    DateTimeOffset RequestedAt,
    string ReporterId,
    string? ReporterName,
    string? ReporterConversationId,
    IReadOnlyList<string> Chain,
    DateTimeOffset Deadline,
    DateTimeOffset? EyesOnDue);
