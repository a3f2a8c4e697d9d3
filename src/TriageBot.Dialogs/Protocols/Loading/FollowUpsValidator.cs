using TriageBot.Dialogs.FollowUps;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// Checks follow-up rules against the rest of the content: ids unique, protocols and services that exist, filters and
/// owners that make sense for the trigger, and <c>after:</c> chains that name an earlier rule without a loop.
/// </summary>
internal static class FollowUpsValidator
{
    public static void Check(FollowUpPolicy policy, ISet<string> protocolIds, ISet<string> serviceIds, ContentErrors errors)
    {
        var seen = new Dictionary<string, FollowUpRule>(StringComparer.Ordinal);
        foreach (var rule in policy.Rules)
        {
            if (!seen.TryAdd(rule.Id, rule))
            {
                errors.Add(rule.Location, $"follow-up rule id '{rule.Id}' is used twice (first at line {seen[rule.Id].Location.Line})");
            }

            foreach (var protocol in rule.Protocols.Where(p => !protocolIds.Contains(p)))
            {
                errors.Add(rule.Location, $"follow-up rule '{rule.Id}' names protocol '{protocol}', which does not exist");
            }

            foreach (var service in rule.Referrals.Where(s => !serviceIds.Contains(s)))
            {
                errors.Add(rule.Location, $"follow-up rule '{rule.Id}' names referral service '{service}', which is not in services.yaml");
            }

            // A follow_up_done rule carries its predecessor's referral on, so it may filter and name it too.
            var aboutAReferral = rule.When is FollowUpTrigger.ReferralApproved or FollowUpTrigger.FollowUpDone;
            if (rule.Referrals.Count > 0 && !aboutAReferral)
            {
                errors.Add(rule.Location, $"follow-up rule '{rule.Id}' lists referrals but is not 'when: referral_approved' or 'when: follow_up_done'");
            }

            if (rule.Title.Contains("{service}", StringComparison.Ordinal) && !aboutAReferral)
            {
                errors.Add(rule.Location, $"follow-up rule '{rule.Id}' uses {{service}} in its title, which only referral_approved and follow_up_done rules have");
            }

            if (rule.Owner == FollowUpOwner.DecidingLead && rule.When is not (FollowUpTrigger.EscalationDecided or FollowUpTrigger.ReferralApproved))
            {
                errors.Add(rule.Location, $"follow-up rule '{rule.Id}' is owned by the deciding lead, but only escalation_decided and referral_approved have one");
            }

            if (rule.Owner == FollowUpOwner.PreviousOwner && rule.When != FollowUpTrigger.FollowUpDone)
            {
                errors.Add(rule.Location, $"follow-up rule '{rule.Id}' is owned by the previous owner, which only follow_up_done rules have");
            }

            if ((rule.When == FollowUpTrigger.FollowUpDone) != (rule.After is not null))
            {
                errors.Add(rule.Location, rule.After is null
                    ? $"follow-up rule '{rule.Id}' is 'when: follow_up_done' but has no 'after:' naming the rule it follows"
                    : $"follow-up rule '{rule.Id}' has 'after:' but is not 'when: follow_up_done'");
            }
        }

        foreach (var rule in policy.Rules.Where(r => r.After is not null))
        {
            if (!seen.ContainsKey(rule.After!))
            {
                errors.Add(rule.Location, $"follow-up rule '{rule.Id}' comes after '{rule.After}', which is not a rule in this file");
                continue;
            }

            // after: chains must end: a rule that (through others) comes after itself would never start.
            var visited = new HashSet<string>(StringComparer.Ordinal) { rule.Id };
            for (var current = seen[rule.After!]; current.After is not null && seen.TryGetValue(current.After, out var next); current = next)
            {
                if (!visited.Add(current.Id))
                {
                    errors.Add(rule.Location, $"follow-up rule '{rule.Id}' is part of a loop of 'after:' rules");
                    break;
                }
            }
        }
    }
}
