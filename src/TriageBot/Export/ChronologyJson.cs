using System.Text.Json.Nodes;
using TriageBot.Chronology;
using TriageBot.Dialogs.Protocols;

namespace TriageBot.Export;

/// <summary>Chronologies as JSON: an array of incidents, each with its register facts and its events in order.</summary>
public static class ChronologyJson
{
    public static JsonArray Write(IEnumerable<IncidentChronology> chronologies, ProtocolCatalog catalog) =>
        new([.. chronologies.Select(chronology => (JsonNode)new JsonObject
        {
            ["number"] = chronology.Incident.Number,
            ["type"] = chronology.Incident.ProtocolId is not null && catalog.Protocol(chronology.Incident.ProtocolId) is { } protocol ? protocol.Title : null,
            ["protocolId"] = chronology.Incident.ProtocolId,
            ["level"] = chronology.Incident.Level,
            ["status"] = chronology.Incident.Status,
            ["reporter"] = chronology.Incident.ReporterName,
            ["openedAt"] = EventDescriptions.Stamp(chronology.Incident.OpenedAt),
            ["closedAt"] = chronology.Incident.ClosedAt is { } closed ? EventDescriptions.Stamp(closed) : null,
            ["events"] = new JsonArray([.. chronology.Entries.Select(entry => (JsonNode)new JsonObject
            {
                ["number"] = entry.Sequence,
                ["occurredAt"] = EventDescriptions.Stamp(entry.At),
                ["type"] = entry.Type,
                ["actor"] = entry.Who,
                ["actorId"] = entry.ActorId,
                ["description"] = entry.What,
                ["personalText"] = entry.Personal,
                ["corrects"] = entry.Corrects,
            })]),
        })]);
}
