namespace TriageBot.FollowUps;

/// <summary>
/// One follow-up task as it stands: the number people use, the incident and rule it came from, its subject (the
/// referral's service id, or empty), its owner (a rota person, or the reporter by their channel id), and its times.
/// </summary>
public sealed record FollowUpRecord(
    long Number,
    string IncidentId,
    string RuleId,
    string Subject,
    string Title,
    string DoneMeans,
    FollowUpOwnerRef Owner,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? RemindAt,
    DateTimeOffset? OverdueAt,
    string Status,
    int RemindersSent,
    DateTimeOffset? OverdueEscalatedAt,
    DateTimeOffset? DoneAt,
    string? DoneByName,
    long Version)
{
    public bool IsOpen => Status == FollowUpStatuses.Open;
}

/// <summary>
/// Who owns a task: a person on the rota (by rota id), or a member of staff known only by their channel id, Entra
/// object id and the conversation they reported in.
/// </summary>
public sealed record FollowUpOwnerRef(string? PersonId, string? UserId, string? AadObjectId, string? Name, string? ConversationId)
{
    public string DisplayName => Name ?? PersonId ?? "the member of staff";
}
