using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Cards.Templating;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Escalations;

namespace TriageBot.FollowUps;

/// <summary>
/// The follow-up cards: a reminder for one task (cards/follow-up-reminder.json, with Done, Snooze, Reassign and Add
/// note) and a list of tasks (cards/follow-up-list.json: "my follow-ups", the morning digest). Times are shown in the
/// school's time zone. The notification text never names the student.
/// </summary>
public sealed class FollowUpCards(CardTemplateLibrary templates, IIncidentEventSource incidents, ProtocolCatalog catalog, TimeProvider time)
{
    public const string ReminderTemplate = "follow-up-reminder";
    public const string ListTemplate = "follow-up-list";

    public async Task<JsonObject> ReminderAsync(FollowUpRecord task, bool overdue, CancellationToken cancellationToken)
    {
        var events = await incidents.ReadAsync(task.IncidentId, cancellationToken);
        var data = new JsonObject
        {
            ["taskId"] = task.Number.ToString(CultureInfo.InvariantCulture),
            ["overdue"] = overdue,
            ["task"] = $"Follow-up {task.Number}: {task.Title}. Done means: {task.DoneMeans}",
            ["due"] = When(task.DueAt),
            ["incidentType"] = IncidentType(events),
            ["studentReference"] = StudentReference(events),
            ["owner"] = task.Owner.DisplayName,
            ["notes"] = Notes(events, task.Number),
            ["colleagues"] = new JsonArray([.. catalog.Rota.People
                .Where(p => p.Id != task.Owner.PersonId)
                .Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = p.Name })]),
        };

        if (!task.IsOpen)
        {
            // A finished task's card keeps its facts and loses its buttons.
            var finished = Bind(ReminderTemplate, data);
            finished["actions"] = new JsonArray();
            ((JsonArray)finished["body"]!).Insert(0, new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"Done by {task.DoneByName ?? "its owner"}, {When(task.DoneAt ?? time.GetUtcNow())}.",
                ["color"] = "good",
                ["weight"] = "Bolder",
                ["wrap"] = true,
            });
            return finished;
        }

        return Bind(ReminderTemplate, data);
    }

    /// <summary>The most tasks a list card shows; the rest are counted in its last line.</summary>
    public const int MaxListed = 25;

    /// <summary>A list of tasks with their incident type and student reference, soonest due first (at most <see cref="MaxListed"/>).</summary>
    public async Task<JsonObject> ListAsync(string title, string summary, IReadOnlyList<FollowUpRecord> tasks, string emptyText, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = new JsonArray();
        foreach (var task in tasks.Take(MaxListed))
        {
            var events = await incidents.ReadAsync(task.IncidentId, cancellationToken);
            var overdue = task.DueAt <= now;
            items.Add(new JsonObject
            {
                ["label"] = $"Follow-up {task.Number}: {task.Title}",
                ["detail"] = $"{(overdue ? "Overdue since" : "Due")} {When(task.DueAt)} · {IncidentType(events)} · student {StudentReference(events)} · {task.Owner.DisplayName}",
                ["overdue"] = overdue,
            });
        }

        if (tasks.Count > MaxListed)
        {
            items.Add(new JsonObject
            {
                ["label"] = $"And {tasks.Count - MaxListed} more",
                ["detail"] = "The soonest due are listed above.",
                ["overdue"] = false,
            });
        }

        return Bind(ListTemplate, new JsonObject
        {
            ["title"] = title,
            ["summary"] = summary,
            ["items"] = items,
            ["emptyText"] = emptyText,
        });
    }

    /// <summary>A message carrying one card, with a notification text that names no student.</summary>
    public static Activity Message(JsonObject card, string notification) => new()
    {
        Type = ActivityTypes.Message,
        Summary = notification,
        Text = notification,
        Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = card }],
    };

    /// <summary>"Today, 15:30", "Tue 24 Nov, 09:00" in the school's time zone.</summary>
    public string When(DateTimeOffset moment)
    {
        var zone = catalog.Rota.TimeZone;
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).Date;
        return local.Date == today
            ? "Today, " + local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
    }

    private string IncidentType(IReadOnlyList<IncidentEvent> events)
    {
        var protocolId = events.LastOrDefault(e => e.Type == IncidentEventTypes.TypeChosen)?.Data["protocol"]?.GetValue<string>();
        return protocolId is not null && catalog.Protocol(protocolId) is { } protocol ? protocol.Title : "Type not chosen";
    }

    private static string StudentReference(IReadOnlyList<IncidentEvent> events) =>
        events.LastOrDefault(e => e.Type == IncidentEventTypes.StudentReference)?.Personal?["reference"]?.GetValue<string>() ?? "not given";

    private JsonArray Notes(IReadOnlyList<IncidentEvent> events, long number) => new([.. events
        .Where(e => e.Type == FollowUpEventTypes.NoteAdded && e.Data["followUp"]?.GetValue<long>() == number)
        .Select(e => (JsonNode)new JsonObject
        {
            ["at"] = When(e.At),
            ["by"] = e.Actor.Name ?? "someone",
            ["text"] = e.Personal?["note"]?.GetValue<string>() ?? "(removed)",
        })]);

    private JsonObject Bind(string template, JsonObject data) => templates.Get(template).BindComplete(data);
}
