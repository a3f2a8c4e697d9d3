namespace TriageBot.Dialogs.Turns;

/// <summary>
/// The end of a report (cards/incident-summary.json): its type, the response level and what it means, when it was
/// reported, what was done, the referrals and what is still open. The student is not on it: the member of staff knows
/// who it was, and the card stays free of anything that identifies them.
/// </summary>
/// <param name="ReportedAt">When the report started, in the school's time ("Mon 23 Nov, 09:00").</param>
/// <param name="ReportedBy">The member of staff's name as Teams gives it, or null when not known.</param>
/// <param name="Done">The first sentence of each instruction confirmed as done.</param>
/// <param name="NoReferralOutcome">What happens instead when the rules make no referral; null when there are referrals.</param>
/// <param name="OpenItems">What the member of staff still has to do or give.</param>
public sealed record IncidentSummaryCardContent(
    string IncidentType,
    string LevelName,
    string LevelSummary,
    bool IsEmergency,
    string ReportedAt,
    string? ReportedBy,
    IReadOnlyList<string> Done,
    IReadOnlyList<IncidentSummaryReferral> Referrals,
    string? NoReferralOutcome,
    IReadOnlyList<string> OpenItems) : ReplyCardContent;
