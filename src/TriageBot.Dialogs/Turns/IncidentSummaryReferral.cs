namespace TriageBot.Dialogs.Turns;

/// <summary>One referral on the summary card: the service, by when, who acts, and why, as the school's content words them.</summary>
public sealed record IncidentSummaryReferral(string Service, string Urgency, string WhoActs, string Why);
