using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;
using TriageBot.Escalations;
using TriageBot.Storage.Sqlite;

namespace TriageBot.IncidentLog;

/// <summary>
/// Reads an incident's events back in order, with the personal text decrypted (or marked removed after the retention
/// purge), and all rows as stored for verification.
/// </summary>
public sealed class IncidentLogReader(SqliteDatabase database, PersonalDataProtector protector) : IIncidentEventSource
{
    private const string Columns = """
        sequence AS Sequence, incident_id AS IncidentId, type AS Type, actor_id AS ActorId, actor_aad_object_id AS ActorAadObjectId,
        actor_name AS ActorName, occurred_at AS OccurredAt, recorded_at AS RecordedAt, data_json AS DataJson,
        personal_protected AS PersonalProtected, previous_hash AS PreviousHash, hash AS Hash
        """;

    public async Task<IReadOnlyList<IncidentEvent>> ReadAsync(string incidentId, CancellationToken cancellationToken) =>
        [.. (await ReadLoggedAsync(incidentId, cancellationToken)).Select(logged => logged.Event)];

    /// <summary>The incident's events with their sequence numbers (what a correction names), in order.</summary>
    public async Task<IReadOnlyList<LoggedEvent>> ReadLoggedAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredEvent>(new CommandDefinition(
            $"SELECT {Columns} FROM incident_events WHERE incident_id = @incidentId ORDER BY sequence;",
            new { incidentId }, cancellationToken: cancellationToken));
        var events = new List<LoggedEvent>();
        foreach (var row in rows)
        {
            events.Add(new LoggedEvent(row.Sequence, DateTimeOffset.Parse(row.RecordedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), new IncidentEvent(
                row.IncidentId,
                row.Type,
                new Participant(row.ActorId, row.ActorName, row.ActorAadObjectId),
                DateTimeOffset.Parse(row.OccurredAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                JsonNode.Parse(row.DataJson)!.AsObject(),
                await protector.UnprotectAsync(connection, row.IncidentId, row.PersonalProtected, cancellationToken))));
        }

        return events;
    }

    /// <summary>Every stored row in order, untouched, for the verifier.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadAllStoredAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {Columns} FROM incident_events ORDER BY sequence;", cancellationToken: cancellationToken));
        var parser = reader.GetRowParser<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return parser(reader);
        }
    }
}
