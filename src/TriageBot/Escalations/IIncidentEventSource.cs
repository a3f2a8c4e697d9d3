using TriageBot.Dialogs.Incidents;

namespace TriageBot.Escalations;

/// <summary>The events of one incident, in order, with what staff typed decrypted: what cards and summaries are built from.</summary>
public interface IIncidentEventSource
{
    Task<IReadOnlyList<IncidentEvent>> ReadAsync(string incidentId, CancellationToken cancellationToken);
}
