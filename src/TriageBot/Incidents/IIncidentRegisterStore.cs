using TriageBot.Storage;

namespace TriageBot.Incidents;

/// <summary>
/// The incident register's rows, changed by <see cref="IncidentRegister"/> in the unit that moves its cursor (and closed by
/// the follow-up projector once nothing is left open on an incident). Each change
/// is idempotent or guarded, so a projection that runs an event twice (after a crash) ends the same.
/// </summary>
public interface IIncidentRegisterStore
{
    /// <summary>A new numbered row in <see cref="IncidentStatuses.Reporting"/>; nothing when the incident has one already.</summary>
    Task OpenAsync(IStoreTransaction transaction, string incidentId, IncidentReporter reporter, DateTimeOffset openedAt);

    Task SetProtocolAsync(IStoreTransaction transaction, string incidentId, string? protocolId);

    /// <summary>The level assessed, and the protocol when the assessment names one (else the one it had stays).</summary>
    Task SetAssessedAsync(IStoreTransaction transaction, string incidentId, string? protocolId, string? level);

    /// <summary>Sets the level only when none is set yet.</summary>
    Task SetLevelIfUnsetAsync(IStoreTransaction transaction, string incidentId, string? level);

    Task SetLevelAsync(IStoreTransaction transaction, string incidentId, string level);

    /// <summary>Ends a report still being made (completed or cancelled) at <paramref name="at"/>; a level given replaces the one it had.</summary>
    Task EndReportAsync(IStoreTransaction transaction, string incidentId, string status, DateTimeOffset at, string? level);

    Task CloseAsync(IStoreTransaction transaction, string incidentId, DateTimeOffset at);

    Task MarkPersonalDataPurgedAsync(IStoreTransaction transaction, string incidentId, DateTimeOffset at);
}

/// <summary>Who made a report, as the register keeps it.</summary>
public sealed record IncidentReporter(string Id, string? AadObjectId, string? Name, string? ConversationId);
