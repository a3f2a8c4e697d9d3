namespace TriageBot.Escalations;

/// <summary>An escalation as stored: who asked, the chain of people to ask in turn, where it stands.</summary>
/// <param name="Chain">Person ids from the rota, in the order they are asked.</param>
/// <param name="RecipientIndex">The position in <paramref name="Chain"/> asked last; past the end, the channel was alerted.</param>
public sealed record EscalationRecord(
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
    int RecipientIndex,
    DateTimeOffset Deadline,
    string Status,
    string? DecisionJson,
    DateTimeOffset? DecidedAt,
    long Version)
{
    public const string Open = "open";
    public const string Decided = "decided";

    public bool IsOpen => Status == Open;
}
