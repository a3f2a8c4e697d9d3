using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Referrals;

/// <summary>One referral to make, with everything staff need to make it.</summary>
/// <param name="Service">Where to refer.</param>
/// <param name="ServiceName">The service's name as shown in this region.</param>
/// <param name="Contact">How to reach it, with the school's local numbers filled in.</param>
/// <param name="Why">Why this referral, in one line.</param>
/// <param name="WhoActsName">The role name of who acts, as shown in this region.</param>
public sealed record ReferralRecommendation(
    ReferralService Service,
    string ServiceName,
    string Contact,
    string Why,
    Urgency Urgency,
    Actor WhoActs,
    string WhoActsName);
