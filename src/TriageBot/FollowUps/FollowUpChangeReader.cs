using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Protocols.Loading;

namespace TriageBot.FollowUps;

/// <summary>
/// Reads a press on a follow-up card (Action.Execute data or an Action.Submit value): taskId, verb and the inputs of
/// the chosen action. Anything missing, unknown or out of range is refused naming the field, and changes nothing.
/// </summary>
public static class FollowUpChangeReader
{
    public const string TaskIdKey = "taskId";
    public const int MaxNoteLength = 2000;
    public static readonly IReadOnlyList<string> SnoozeChoices = ["1h", "next_school_day", "2_school_days"];

    public static bool IsFollowUpAction(JsonObject? data) => data?[TaskIdKey] is not null;

    public static (FollowUpChange? Change, string? Problem) Read(JsonObject data, string? verbFromAction = null)
    {
        if (data[TaskIdKey] is not JsonValue idValue || !idValue.TryGetValue<string>(out var idText)
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return (null, "taskId is not a follow-up number");
        }

        var verbText = verbFromAction ?? (data["verb"] is JsonValue v && v.TryGetValue<string>(out var fromData) ? fromData : null);
        if (verbText is null || !SnakeCase.TryParse<FollowUpVerb>(verbText, out var verb))
        {
            return (null, "verb is not one of done, snooze, reassign, add_note");
        }

        switch (verb)
        {
            case FollowUpVerb.Snooze:
                var snoozeFor = Text(data, "snoozeFor");
                return snoozeFor is not null && SnoozeChoices.Contains(snoozeFor)
                    ? (new FollowUpChange(number, verb, SnoozeFor: snoozeFor), null)
                    : (null, "snoozeFor is not one of " + string.Join(", ", SnoozeChoices));
            case FollowUpVerb.Reassign:
                var assignTo = Text(data, "assignTo");
                return string.IsNullOrWhiteSpace(assignTo) ? (null, "assignTo is missing") : (new FollowUpChange(number, verb, AssignTo: assignTo), null);
            case FollowUpVerb.AddNote:
                var note = Text(data, "note")?.Trim();
                return string.IsNullOrEmpty(note) ? (null, "note is empty")
                    : note.Length > MaxNoteLength ? (null, $"note is longer than {MaxNoteLength} characters")
                    : (new FollowUpChange(number, verb, Note: note), null);
            default:
                var doneNote = Text(data, "note")?.Trim();
                return (new FollowUpChange(number, verb, Note: string.IsNullOrEmpty(doneNote) ? null : doneNote), null);
        }
    }

    private static string? Text(JsonObject data, string key) => data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
