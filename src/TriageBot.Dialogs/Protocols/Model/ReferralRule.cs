namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>
/// When a referral is recommended. Every filter that is set must hold: the response level is one of
/// <see cref="Levels"/> (empty: any), each step in <see cref="Answers"/> was answered so, each checklist in
/// <see cref="ChecklistResults"/> gave that result, and the school's region is one of <see cref="Regions"/> (empty: any).
/// </summary>
public sealed record ReferralRule(
    string ServiceId,
    IReadOnlyList<ResponseLevel> Levels,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyDictionary<string, string> ChecklistResults,
    IReadOnlyList<string> Regions,
    string Why,
    Urgency Urgency,
    Actor WhoActs,
    ContentLocation Location)
{
    /// <summary>Where <see cref="ServiceId"/> is written, so errors point at that line.</summary>
    public ContentLocation? ServiceLocation { get; init; }
}
