namespace TriageBot.FollowUps;

/// <summary>A task a rule makes, before it has a number: its incident, rule and subject make it unique.</summary>
public sealed record NewFollowUp(
    string IncidentId,
    string RuleId,
    string Subject,
    string Title,
    string DoneMeans,
    FollowUpOwnerRef Owner,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset RemindAt,
    DateTimeOffset OverdueAt);
