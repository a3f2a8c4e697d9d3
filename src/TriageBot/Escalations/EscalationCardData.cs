using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Escalations;

/// <summary>
/// The data the escalation card templates (cards/escalation.json, cards/escalation-decided.json) are bound with, read
/// from the escalation and its incident's events. The student appears only by reference, in the card's body: never in
/// its title, and never in the notification text Teams shows (the summary says only the incident type).
/// </summary>
public static class EscalationCardData
{
    public static JsonObject ForLead(EscalationRecord escalation, IReadOnlyList<IncidentEvent> allEvents, ProtocolCatalog catalog, TimeZoneInfo zone)
    {
        var events = Shareable(allEvents, catalog);
        var level = EscalationProjector.ParseLevel(escalation.Level);
        var referrals = LatestReferrals(events);
        return new JsonObject
        {
            ["escalationId"] = escalation.Id,
            ["incidentType"] = IncidentType(escalation, catalog),
            ["level"] = new JsonObject { ["name"] = catalog.LevelName(level), ["isEmergency"] = level == ResponseLevel.EmergencyNow },
            ["reportedAt"] = Local(escalation.RequestedAt, zone),
            ["reportedBy"] = escalation.ReporterName ?? "a member of staff",
            ["studentReference"] = StudentReference(events),
            ["keyAnswers"] = KeyAnswers(events, catalog, escalation),
            ["urgency"] = referrals.Select(r => r["urgency"]?.GetValue<string>()).FirstOrDefault() ?? "today",
            ["otherServices"] = new JsonArray([.. catalog.Services
                .Where(service => service.Id != "duty-lead" && !referrals.Any(r => r["service"]?.GetValue<string>() == service.Id))
                .Select(service => (JsonNode)new JsonObject { ["id"] = service.Id, ["name"] = catalog.Text(service.Name) })]),
            ["referrals"] = new JsonArray([.. referrals.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r["service"]?.GetValue<string>(),
                ["service"] = r["name"]?.GetValue<string>() ?? r["service"]?.GetValue<string>(),
                ["why"] = r["why"]?.GetValue<string>() ?? string.Empty,
                ["urgency"] = UrgencyText(r["urgency"]?.GetValue<string>()),
                ["whoActs"] = r["whoActsName"]?.GetValue<string>() ?? string.Empty,
            })]),
        };
    }

    /// <summary>The data of cards/escalation-decided.json: who decided what, when, and the referrals approved.</summary>
    public static JsonObject Decided(EscalationRecord escalation, IReadOnlyList<IncidentEvent> events, ProtocolCatalog catalog, TimeZoneInfo zone)
    {
        var decision = escalation.DecisionJson is { } json ? JsonNode.Parse(json)!.AsObject() : [];
        var approved = decision["referrals"] as JsonArray ?? [];
        return new JsonObject
        {
            ["incidentType"] = IncidentType(escalation, catalog),
            ["studentReference"] = StudentReference(events),
            ["level"] = catalog.LevelName(EscalationProjector.ParseLevel(escalation.Level)),
            ["decision"] = new JsonObject
            {
                ["what"] = decision["what"]?.GetValue<string>() ?? "decided",
                ["by"] = decision["byName"]?.GetValue<string>() ?? "the duty lead",
                ["at"] = escalation.DecidedAt is { } at ? Local(at, zone) : string.Empty,
                ["referrals"] = approved.DeepClone(),
                ["note"] = decision["text"]?.GetValue<string>() ?? string.Empty,
            },
        };
    }

    /// <summary>
    /// The events the lead's card may show: if the report turned out to be of a kind that must not reach the duty lead
    /// (an allegation about staff), nothing from that point on.
    /// </summary>
    public static IReadOnlyList<IncidentEvent> Shareable(IReadOnlyList<IncidentEvent> events, ProtocolCatalog catalog)
    {
        var index = events.ToList().FindIndex(e => e.Type == IncidentEventTypes.TypeChosen
            && e.Data["protocol"]?.GetValue<string>() is { } id && catalog.Protocol(id) is { EscalatesToDutyLead: false });
        return index < 0 ? events : events.Take(index).ToList();
    }

    public static string IncidentType(EscalationRecord escalation, ProtocolCatalog catalog) =>
        escalation.ProtocolId is { } id && catalog.Protocol(id) is { } protocol ? protocol.Title : "Safeguarding concern (type not chosen yet)";

    public static string Local(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The referrals of the final assessment, else those recommended when the lead was asked for.</summary>
    public static List<JsonObject> LatestReferrals(IReadOnlyList<IncidentEvent> events) =>
        events.LastOrDefault(e => e.Type is IncidentEventTypes.Assessed || (e.Type is IncidentEventTypes.EscalationRequested && e.Data["referrals"] is JsonArray { Count: > 0 }))
            ?.Data["referrals"] is JsonArray list
            ? list.OfType<JsonObject>().ToList()
            : [];

    private static string StudentReference(IReadOnlyList<IncidentEvent> events) =>
        events.LastOrDefault(e => e.Type == IncidentEventTypes.StudentReference) switch
        {
            { Personal: { } personal } when personal["reference"]?.GetValue<string>() is { } reference => reference,
            _ => "not given yet",
        };

    private static JsonArray KeyAnswers(IReadOnlyList<IncidentEvent> events, ProtocolCatalog catalog, EscalationRecord escalation)
    {
        var answers = new JsonArray();
        if (escalation.RecipientIndex > 0)
        {
            // Everyone sees that the card has moved on, and from whom.
            var asked = escalation.Chain.Take(escalation.RecipientIndex).Select(id => catalog.Rota.Person(id)?.Name ?? id);
            answers.Add(new JsonObject { ["label"] = "No answer from", ["value"] = string.Join(", ", asked) });
        }

        if (events.LastOrDefault(e => e.Type == IncidentEventTypes.DangerAnswered) is { } danger)
        {
            answers.Add(new JsonObject { ["label"] = "Immediate danger", ["value"] = danger.Data["inDanger"]?.GetValue<bool>() == true ? "Yes" : "No" });
        }

        if (events.Any(e => e.Type == IncidentEventTypes.EmergencyDeclared))
        {
            answers.Add(new JsonObject { ["label"] = "Emergency", ["value"] = "Declared by the reporter" });
        }

        if (events.LastOrDefault(e => e.Type == EyesOnEventTypes.Answered) is { } eyesOn)
        {
            var at = TimeZoneInfo.ConvertTime(eyesOn.At, catalog.Rota.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);
            answers.Add(new JsonObject
            {
                ["label"] = "Eyes on",
                ["value"] = eyesOn.Data["answer"]?.GetValue<string>() == EyesOnChecks.StillWith ? $"Reporter still with the student at {at}" : $"Reporter had to leave the student at {at}",
            });
        }

        foreach (var scored in events.Where(e => e.Type == IncidentEventTypes.ChecklistScored))
        {
            var checklist = scored.Data["checklist"]?.GetValue<string>() is { } id ? catalog.Checklist(id) : null;
            var result = scored.Data["result"]?.GetValue<string>() is { } resultId ? checklist?.Result(resultId) : null;
            if (checklist is not null && result is not null)
            {
                answers.Add(new JsonObject { ["label"] = checklist.Title, ["value"] = result.Label });
            }
        }

        return answers;
    }

    private static string UrgencyText(string? urgency) =>
        urgency is not null && SnakeCase.TryParse<Urgency>(urgency, out var parsed) ? Capitalised(Urgencies.Text(parsed)) : "Today";

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
