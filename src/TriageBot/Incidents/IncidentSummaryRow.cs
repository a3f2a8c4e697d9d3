namespace TriageBot.Incidents;

/// <summary>One row of the incident register: the number people use, who reported it, what it is and where it stands.</summary>
public sealed record IncidentSummaryRow(
    long Number,
    string Id,
    string ReporterId,
    string? ReporterAadObjectId,
    string? ReporterName,
    string? ReporterConversationId,
    string? ProtocolId,
    string? Level,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? PersonalPurgedAt);

/// <summary>Where an incident stands in the register.</summary>
public static class IncidentStatuses
{
    /// <summary>The report is still being made.</summary>
    public const string Reporting = "reporting";

    /// <summary>The report was finished; follow-ups may be open.</summary>
    public const string Completed = "completed";

    /// <summary>The member of staff cancelled the report (it is kept).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The report ended and nothing is left to follow up; the retention period runs from here.</summary>
    public const string Closed = "closed";
}
