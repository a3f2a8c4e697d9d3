using TriageBot.Dialogs.Incidents;
using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>Appends incident events inside a caller's transaction (so a decision and its event commit together).</summary>
public interface IIncidentLogWriter
{
    Task AppendAsync(IStoreTransaction transaction, IReadOnlyList<IncidentEvent> events);
}
