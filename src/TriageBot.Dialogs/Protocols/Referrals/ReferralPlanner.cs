using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Referrals;

/// <summary>Incident type x response level x answers -> referrals, with names and numbers for the school's region.</summary>
public sealed class ReferralPlanner(ProtocolCatalog catalog)
{
    /// <summary>The service services.yaml must define for emergencies (validation checks it is there).</summary>
    public const string EmergencyServicesId = "emergency-services";

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

        // Immediate danger at any point (an emergency typed mid-report too) always refers to the emergency services,
        // whatever path the protocol's own rules took.
        if (answers.ImmediateDanger && referrals.All(r => r.Service.Id != EmergencyServicesId) && catalog.Service(EmergencyServicesId) is { } emergency)
        {
            referrals.Insert(0, new ReferralRecommendation(
                emergency,
                catalog.Text(emergency.Name),
                catalog.Text(emergency.Contact),
                catalog.Text("Immediate danger was reported during this report. Call {emergency} if anyone still needs emergency help."),
                Urgency.Now,
                Actor.ReportingAdult,
                catalog.ActorName(Actor.ReportingAdult)));
        }

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
