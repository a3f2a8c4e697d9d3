using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Cards.Templating;
using TriageBot.Dialogs.Protocols;
using TriageBot.Incidents;

namespace TriageBot.Chronology;

/// <summary>
/// The cards of the record commands: one incident's chronology (cards/chronology.json, the latest entries when it is
/// long) and lists of incidents (cards/follow-up-list.json). Times in the school's time zone.
/// </summary>
public sealed class ChronologyCards(CardTemplateLibrary templates, ProtocolCatalog catalog)
{
    public const int MaxEntries = 40;

    public JsonObject Incident(IncidentChronology chronology)
    {
        var incident = chronology.Incident;
        var shown = chronology.Entries.TakeLast(MaxEntries).ToList();
        var data = new JsonObject
        {
            ["title"] = $"Incident {incident.Number}",
            ["facts"] = new JsonArray(
                Fact("Type", TypeOf(incident)),
                Fact("Level", incident.Level?.Replace('_', ' ') ?? "not set"),
                Fact("Status", incident.Status),
                Fact("Reported by", incident.ReporterName ?? incident.ReporterId),
                Fact("Opened", When(incident.OpenedAt))),
            ["entries"] = new JsonArray([.. shown.Select(entry => (JsonNode)new JsonObject
            {
                ["heading"] = $"#{entry.Sequence} · {When(entry.At)} · {entry.Who}",
                ["what"] = entry.What,
                ["personal"] = entry.Personal ?? string.Empty,
                ["isCorrection"] = entry.Corrects is not null,
            })]),
            ["footer"] = shown.Count < chronology.Entries.Count
                ? $"Showing the last {shown.Count} of {chronology.Entries.Count} events. A lead can export the whole chronology: 'export incident {incident.Number}'."
                : $"{chronology.Entries.Count} events. To correct one: 'correct incident {incident.Number} event N: what is right'.",
        };
        return Bind("chronology", data);
    }

    public JsonObject List(string title, string summary, IEnumerable<IncidentSummaryRow> incidents, IReadOnlyDictionary<string, long> openFollowUps, string emptyText) =>
        Bind("follow-up-list", new JsonObject
        {
            ["title"] = title,
            ["summary"] = summary,
            ["items"] = new JsonArray([.. incidents.Select(incident => (JsonNode)new JsonObject
            {
                ["label"] = $"Incident {incident.Number}: {TypeOf(incident)}",
                ["detail"] = $"{incident.Level?.Replace('_', ' ') ?? "level not set"} · {incident.Status} · opened {When(incident.OpenedAt)} · "
                    + $"{openFollowUps.GetValueOrDefault(incident.Id)} follow-ups open · reported by {incident.ReporterName ?? "a member of staff"}",
                ["overdue"] = incident.Level is "emergency_now",
            })]),
            ["emptyText"] = emptyText,
        });

    public string When(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, catalog.Rota.TimeZone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private string TypeOf(IncidentSummaryRow incident) =>
        incident.ProtocolId is not null && catalog.Protocol(incident.ProtocolId) is { } protocol ? protocol.Title : "Type not chosen";

    private static JsonObject Fact(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private JsonObject Bind(string template, JsonObject data) => templates.Get(template).BindComplete(data);
}
