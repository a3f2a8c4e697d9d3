using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Referrals;

/// <summary>
/// The referrals for an incident, most urgent first. When there are none, <see cref="NoReferralOutcome"/> says so
/// explicitly (universal support), so "nothing to do" is never the same as "nothing was worked out".
/// </summary>
public sealed record ReferralPlan(
    ResponseLevel Level,
    IReadOnlyList<ReferralRecommendation> Referrals,
    string? NoReferralOutcome);
