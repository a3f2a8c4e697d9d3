using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Escalations;

/// <summary>
/// A lead's press on an escalation card, read and checked: which escalation, which verb, and what the verb needs
/// (the referrals ticked, the new urgency, the reason, the question, the referrals added and removed).
/// </summary>
public sealed record EscalationAction(
    string EscalationId,
    EscalationVerb Verb,
    IReadOnlyList<string> SelectedReferrals,
    Urgency? Urgency,
    string? Text,
    IReadOnlyList<string>? AddedReferrals = null,
    IReadOnlyList<string>? RemovedReferrals = null)
{
    public IReadOnlyList<string> Added => AddedReferrals ?? [];

    public IReadOnlyList<string> Removed => RemovedReferrals ?? [];
}
