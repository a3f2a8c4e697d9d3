using TriageBot.Dialogs.FollowUps;
using TriageBot.Dialogs.Rota;
using TriageBot.Dialogs.Turns;
using TriageBot.Incidents;

namespace TriageBot.FollowUps;

/// <summary>
/// Turns a rule's <c>owner:</c> into a person: the reporter from the register, the deciding lead matched on the rota by
/// Entra object id (or name), the duty lead at that moment, the first designated lead, or the previous task's owner.
/// </summary>
public static class FollowUpOwners
{
    public static FollowUpOwnerRef Resolve(
        FollowUpOwner owner,
        DutyRota rota,
        DateTimeOffset at,
        IncidentSummaryRow incident,
        Participant? decidedBy,
        FollowUpOwnerRef? previous) => owner switch
        {
            FollowUpOwner.Reporter => new FollowUpOwnerRef(null, incident.ReporterId, incident.ReporterAadObjectId, incident.ReporterName, incident.ReporterConversationId),
            FollowUpOwner.DecidingLead when decidedBy is not null => Lead(rota, decidedBy) ?? DutyLead(rota, at),
            FollowUpOwner.PreviousOwner when previous is not null => previous,
            FollowUpOwner.DesignatedLead => Person(rota, rota.DesignatedLeads[0]),
            _ => DutyLead(rota, at),
        };

    /// <summary>A rota person as a task owner.</summary>
    public static FollowUpOwnerRef Person(DutyRota rota, string personId) =>
        rota.Person(personId) is { } person
            ? new FollowUpOwnerRef(person.Id, null, person.AadObjectId, person.Name, null)
            : new FollowUpOwnerRef(personId, null, null, personId, null);

    private static FollowUpOwnerRef DutyLead(DutyRota rota, DateTimeOffset at) => Person(rota, DutyResolver.OnDuty(rota, at).Lead.Id);

    private static FollowUpOwnerRef? Lead(DutyRota rota, Participant who)
    {
        var person = rota.People.FirstOrDefault(p => who.AadObjectId is not null && DutyResolver.Matches(p, who.AadObjectId, null))
            ?? rota.People.FirstOrDefault(p => who.Name is not null && string.Equals(p.Name, who.Name, StringComparison.OrdinalIgnoreCase));
        return person is null ? null : new FollowUpOwnerRef(person.Id, who.Id, person.AadObjectId ?? who.AadObjectId, person.Name, null);
    }
}
