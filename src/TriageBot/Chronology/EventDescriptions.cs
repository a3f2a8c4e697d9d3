using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Escalations;
using TriageBot.FollowUps;
using TriageBot.IncidentLog;
using TriageBot.Incidents;

namespace TriageBot.Chronology;

/// <summary>
/// Says in a few words what each recorded event was ("Danger now: no", "ASQ q1: yes", "Decided by Sam Taylor:
/// referrals approved"), for chronology cards and exports. Unknown types still show, with their data.
/// </summary>
public static class EventDescriptions
{
    public static string Describe(IncidentEvent recorded, ProtocolCatalog catalog)
    {
        var data = recorded.Data;
        return recorded.Type switch
        {
            IncidentEventTypes.Started when Text(data, "how") == "also_mentioned" => "Report started: the first message of another report also told of this",
            IncidentEventTypes.Started => $"Report started ({Text(data, "how") ?? "typed"})",
            IncidentEventTypes.DangerAnswered => $"Anyone in immediate danger: {(data["inDanger"]?.GetValue<bool>() == true ? "yes" : "no")}",
            IncidentEventTypes.EmergencyDeclared => "Emergency declared; the emergency instruction was shown",
            IncidentEventTypes.TypeChosen when Text(data, "how") == "switched" =>
                $"Incident type changed to {ProtocolTitle(Text(data, "protocol"), catalog)} (from {ProtocolTitle(Text(data, "from"), catalog)}, at {Text(data, "step")})",
            IncidentEventTypes.TypeChosen => $"Incident type: {ProtocolTitle(Text(data, "protocol"), catalog)}",
            IncidentEventTypes.StudentReference => data["given"]?.GetValue<bool>() == true ? "Student reference given" : "Student reference skipped",
            IncidentEventTypes.ConfidentialityReminded => "Limits of confidentiality shown",
            IncidentEventTypes.StepConfirmed => $"Step {Text(data, "step")}: {Text(data, "outcome")}",
            IncidentEventTypes.QuestionAnswered => $"Question {Text(data, "step")}: {Text(data, "answer")}{(Text(data, "by") == "danger_question" ? " (from the danger question, not asked again)" : string.Empty)}",
            IncidentEventTypes.ChecklistAnswered => $"{Text(data, "checklist")?.ToUpperInvariant()} {Text(data, "question")}: {Text(data, "answer")}",
            IncidentEventTypes.ChecklistWordsTyped => $"{Text(data, "checklist")?.ToUpperInvariant()} {Text(data, "question")}: typed words that are not an answer; asked again",
            IncidentEventTypes.ChecklistFollowUpAnswered =>
                $"{Text(data, "checklist")?.ToUpperInvariant()} {Text(data, "question")} {Text(data, "followUp")}: {(Text(data, "notAsked") is not null ? "not asked (emergency first)" : data["skipped"]?.GetValue<bool>() == true ? "the student did not say" : "answered")}",
            IncidentEventTypes.ChecklistScored => $"{Text(data, "checklist")?.ToUpperInvariant()} result: {Text(data, "result") ?? "not scored"}",
            IncidentEventTypes.WentBack => "Went back a step",
            IncidentEventTypes.Assessed => $"Assessed: {Level(Text(data, "level"))}; {(data["referrals"] as JsonArray)?.Count ?? 0} referrals recommended",
            IncidentEventTypes.EscalationRequested => $"Duty lead asked ({Level(Text(data, "level"))}, {Text(data, "reason")})",
            IncidentEventTypes.Completed => "Report finished; summary shown",
            IncidentEventTypes.Cancelled => "Report cancelled",
            IncidentEventTypes.Resumed => "Report resumed after a break",
            IncidentEventTypes.ReasonGiven => $"Reason given for {Text(data, "step")}",
            EscalationEventTypes.Decided => $"Decided by {Text(data, "byName") ?? "the duty lead"}: {Text(data, "what")}",
            EscalationEventTypes.Refused => "A decision by someone not on the rota was refused",
            EscalationEventTypes.QuestionAsked => "The duty lead asked the reporter a question",
            EscalationEventTypes.QuestionAnswered => "The reporter answered the duty lead",
            EyesOnEventTypes.Answered => "Eyes-on check answered",
            FollowUpEventTypes.Created => $"Follow-up {Number(data)} made: {Text(data, "title")} (owner {Text(data, "ownerName")})",
            FollowUpEventTypes.Reminded => $"Follow-up {Number(data)}: reminder sent to {Text(data, "toName")}",
            FollowUpEventTypes.OverdueEscalated => $"Follow-up {Number(data)} overdue: {Text(data, "toName")} told",
            FollowUpEventTypes.Done => $"Follow-up {Number(data)} done",
            FollowUpEventTypes.Snoozed => $"Follow-up {Number(data)} snoozed",
            FollowUpEventTypes.Reassigned => $"Follow-up {Number(data)} reassigned to {Text(data, "toName")}",
            FollowUpEventTypes.NoteAdded => $"Note on follow-up {Number(data)}",
            FollowUpEventTypes.ChangeRefused => $"A change to follow-up {Number(data)} by someone not allowed was refused",
            RecordEventTypes.Closed => "Incident closed",
            RecordEventTypes.Read => $"Read ({Text(data, "how")}{(Text(data, "format") is { } format ? ", " + format : string.Empty)})",
            RecordEventTypes.ReadRefused => $"A read by someone not allowed was refused ({Text(data, "how")})",
            RecordEventTypes.Correction => $"Correction to event {data["corrects"]}",
            RecordEventTypes.PersonalDataPurged => "Personal data removed under the retention policy",
            _ => $"{recorded.Type} {data.ToJsonString()}",
        };
    }

    /// <summary>The text typed about the student, in one line (the description, a reason, a note, an answer).</summary>
    public static string? PersonalText(JsonObject? personal) =>
        personal is null ? null
        : PersonalDataProtector.IsRemoved(personal) ? "(removed under the retention policy)"
        : string.Join("; ", personal.Select(pair => pair.Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : pair.Value?.ToJsonString()).OfType<string>());

    private static string ProtocolTitle(string? id, ProtocolCatalog catalog) =>
        id is not null && catalog.Protocol(id) is { } protocol ? protocol.Title : id ?? "not chosen";

    private static string Level(string? level) => level?.Replace('_', ' ') ?? "level not set";

    private static string Number(JsonObject data) => data["followUp"]?.ToJsonString() ?? "?";

    private static string? Text(JsonObject data, string key) =>
        data[key] switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "yes" : "no",
            JsonValue value => value.ToJsonString(),
            _ => null,
        };

    internal static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
