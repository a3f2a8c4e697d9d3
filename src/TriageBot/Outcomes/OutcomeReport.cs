namespace TriageBot.Outcomes;

/// <summary>
/// What happened to the reports opened in a period, for evaluation: counts per incident type and response level, the
/// minutes from the escalation request to the lead's decision, and how follow-ups went. Counts and times only: no
/// personal data.
/// </summary>
public sealed record OutcomeReport(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<OutcomeGroup> Groups,
    FollowUpOutcome FollowUps,
    IReadOnlyList<RuleOutcome> ByRule)
{
    public int Incidents => Groups.Sum(g => g.Incidents);
}

/// <summary>One incident type at one response level.</summary>
/// <param name="Escalated">Reports that asked for the duty lead.</param>
/// <param name="Decided">Of those, how many a lead decided (approved, took over, changed urgency or referrals, declined).</param>
/// <param name="MinutesToDecisionMedian">Median minutes from the request to the decision (null with no decision).</param>
/// <param name="MinutesToDecisionP90">90th percentile (nearest rank) of the same.</param>
public sealed record OutcomeGroup(
    string IncidentType,
    string? ProtocolId,
    string Level,
    int Incidents,
    int Escalated,
    int Decided,
    double? MinutesToDecisionMedian,
    double? MinutesToDecisionP90);

/// <summary>Follow-up tasks of those incidents: done by their due time, done late, still open past it, open and not yet due.</summary>
public sealed record FollowUpOutcome(int DoneOnTime, int DoneLate, int OpenOverdue, int OpenNotYetDue)
{
    public int Total => DoneOnTime + DoneLate + OpenOverdue + OpenNotYetDue;
}

/// <summary>The same per follow-up rule.</summary>
public sealed record RuleOutcome(string RuleId, FollowUpOutcome FollowUps);
