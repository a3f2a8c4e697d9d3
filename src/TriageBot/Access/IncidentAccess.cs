using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Rota;
using TriageBot.Dialogs.Turns;
using TriageBot.Incidents;
using TriageBot.References;

namespace TriageBot.Access;

/// <summary>
/// Who may read an incident: the member of staff who reported it, and the school's leads (anyone the rota names as a
/// designated lead or in a duty or out-of-hours chain). Nobody else sees any incident.
/// </summary>
public sealed class IncidentAccess(ProtocolCatalog catalog, IKnownConversationStore conversations)
{
    public async Task<Caller> IdentifyAsync(Participant who, CancellationToken cancellationToken)
    {
        var email = who.AadObjectId is null ? null : (await conversations.FindPersonalAsync(who.AadObjectId, null, cancellationToken))?.Email;
        return new Caller(who, email, DutyResolver.IsAnyLead(catalog.Rota, who.AadObjectId, email));
    }

    public static bool MayRead(Caller caller, IncidentSummaryRow incident) =>
        caller.IsLead
        || string.Equals(incident.ReporterId, caller.Who.Id, StringComparison.Ordinal)
        || (caller.Who.AadObjectId is not null && string.Equals(incident.ReporterAadObjectId, caller.Who.AadObjectId, StringComparison.OrdinalIgnoreCase));
}
