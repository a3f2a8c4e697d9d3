using System.Data.Common;
using TriageBot.Dialogs.Incidents;

namespace TriageBot.Escalations;

/// <summary>Appends incident events inside a caller's transaction (so a decision and its event commit together).</summary>
public interface IIncidentLogWriter
{
    Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IncidentEvent> events, CancellationToken cancellationToken);
}
