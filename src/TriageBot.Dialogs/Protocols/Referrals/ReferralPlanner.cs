using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Referrals;

/// <summary>Incident type x response level x answers -> referrals, with names and numbers for the school's region.</summary>
public sealed class ReferralPlanner(ProtocolCatalog catalog)
{
    public ReferralPlan Plan(string protocolId, ResponseLevel level, IncidentAnswers answers)
    {
        var protocol = catalog.Protocol(protocolId)
            ?? throw new ArgumentException($"No protocol '{protocolId}' in the catalog.", nameof(protocolId));

        var referrals = ReferralRules.Match(protocol, level, answers, catalog.Region.Id)
            .Select(rule =>
            {
                var service = catalog.Service(rule.ServiceId)!;
                return new ReferralRecommendation(
                    service,
                    catalog.Text(service.Name),
                    catalog.Text(service.Contact),
                    catalog.Text(rule.Why),
                    rule.Urgency,
                    rule.WhoActs,
                    catalog.ActorName(rule.WhoActs));
            })
            .ToList();

        var noReferral = referrals.Count == 0 && protocol.NoReferralOutcome is { } text ? catalog.Text(text) : null;
        return new ReferralPlan(level, referrals, noReferral);
    }

    /// <summary>The response level the answers call for (see <see cref="ReferralRules.LevelFor"/>).</summary>
    public ResponseLevel? LevelFor(string protocolId, IncidentAnswers answers, ResponseLevel? floor = null)
    {
        var protocol = catalog.Protocol(protocolId)
            ?? throw new ArgumentException($"No protocol '{protocolId}' in the catalog.", nameof(protocolId));
        return ReferralRules.LevelFor(protocol, answers, catalog.Checklist, floor);
    }
}
