using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;
using TriageBot.Escalations;

namespace TriageBot.IncidentLog;

/// <summary>
/// Reads an incident's events back in order, with the personal text decrypted (or marked removed after the retention
/// purge), and all rows as stored for verification.
/// </summary>
public sealed class IncidentLogReader(IIncidentLogStore store, PersonalDataProtector protector) : IIncidentEventSource
{
    public async Task<IReadOnlyList<IncidentEvent>> ReadAsync(string incidentId, CancellationToken cancellationToken) =>
        [.. (await ReadLoggedAsync(incidentId, cancellationToken)).Select(logged => logged.Event)];

    /// <summary>The incident's events with their sequence numbers (what a correction names), in order.</summary>
    public async Task<IReadOnlyList<LoggedEvent>> ReadLoggedAsync(string incidentId, CancellationToken cancellationToken)
    {
        var rows = await store.ReadIncidentAsync(incidentId, cancellationToken);
        var key = rows.Any(row => row.PersonalProtected is not null) ? await protector.KeyOfAsync(incidentId, cancellationToken) : null;
        return [.. rows.Select(row => new LoggedEvent(row.Sequence, Parse(row.RecordedAt), new IncidentEvent(
            row.IncidentId,
            row.Type,
            new Participant(row.ActorId, row.ActorName, row.ActorAadObjectId),
            Parse(row.OccurredAt),
            JsonNode.Parse(row.DataJson)!.AsObject(),
            protector.Unprotect(row.IncidentId, row.PersonalProtected, key))))];
    }

    /// <summary>Every stored row in order, untouched, for the verifier.</summary>
    public IAsyncEnumerable<StoredEvent> ReadAllStoredAsync(CancellationToken cancellationToken) => store.ReadAllAsync(cancellationToken);

    private static DateTimeOffset Parse(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
