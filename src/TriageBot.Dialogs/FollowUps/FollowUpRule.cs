using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.FollowUps;

/// <summary>
/// One rule of protocols/follow-ups.yaml: when it applies (a trigger and optional filters), who owns the task, when it
/// is due, and what "done" means. For <see cref="FollowUpTrigger.ReferralApproved"/> one task is made per approved
/// referral that passes the filter, and "{service}" in the title names it.
/// </summary>
/// <param name="Protocols">Only reports of these incident types; empty = every type.</param>
/// <param name="Levels">Only reports at these response levels; empty = every level.</param>
/// <param name="Referrals">For referral_approved (and follow_up_done, which carries its predecessor's referral on): only
/// these service ids; empty = every referral.</param>
/// <param name="After">For follow_up_done: the rule whose task, once done, starts this one.</param>
public sealed record FollowUpRule(
    string Id,
    string Title,
    string DoneMeans,
    FollowUpTrigger When,
    IReadOnlyList<string> Protocols,
    IReadOnlyList<ResponseLevel> Levels,
    IReadOnlyList<string> Referrals,
    string? After,
    FollowUpOwner Owner,
    FollowUpDue Due,
    ContentLocation Location)
{
    /// <summary>Whether a report of this type and level is one this rule is about.</summary>
    public bool AppliesTo(string? protocolId, ResponseLevel? level) =>
        (Protocols.Count == 0 || (protocolId is not null && Protocols.Contains(protocolId, StringComparer.Ordinal)))
        && (Levels.Count == 0 || (level is { } known && Levels.Contains(known)));

    public bool CoversReferral(string serviceId) => Referrals.Count == 0 || Referrals.Contains(serviceId, StringComparer.Ordinal);

    /// <summary>The task's title, naming the service for referral tasks.</summary>
    public string TitleFor(string? serviceName) => serviceName is null ? Title : Title.Replace("{service}", serviceName, StringComparison.Ordinal);
}
