using System.Globalization;
using System.Text;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// "Status": the open report in a few lines: type, started, where it is, level so far, duty lead asked or not, what is
/// open. As a card (cards/staff-status.json) and as plain lines for clients that cannot show one.
/// </summary>
internal static class TriageStatus
{
    public const string Title = "Your open report";

    public static BotReply Reply(TriageTurn turn) => new(Describe(turn), Title: Title, Card: Card(turn));

    public static StaffStatusCardContent Card(TriageTurn turn) => new(
        turn.Protocol?.Title,
        Started(turn),
        CurrentStep(turn),
        turn.LevelSoFar is { } level ? turn.Catalog.LevelName(level) : null,
        turn.Catalog.Text("{role:duty_lead}"),
        turn.State.EscalationRequested,
        turn.State.EscalationWithheld,
        TriageSummary.OpenItems(turn));

    public static string Describe(TriageTurn turn)
    {
        var text = new StringBuilder();
        text.Append("Open report: ").Append(turn.Protocol?.Title ?? "type not chosen yet").Append(", started ").Append(Started(turn)).Append(".\n\n");
        text.Append("Response level so far: ")
            .Append(turn.LevelSoFar is { } level ? turn.Catalog.LevelName(level) : "not decided yet").Append(".\n\n");
        text.Append(turn.State.EscalationRequested
            ? $"The {turn.Catalog.Text("{role:duty_lead}")} has been asked for."
            : $"The {turn.Catalog.Text("{role:duty_lead}")} has not been asked for yet.");
        var open = TriageSummary.OpenItems(turn);
        if (open.Count > 0)
        {
            text.Append("\n\nStill open: ").Append(string.Join("; ", open)).Append('.');
        }

        return text.ToString();
    }

    private static string Started(TriageTurn turn) =>
        TimeZoneInfo.ConvertTime(turn.State.StartedAt, turn.Context.Time.LocalTimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What the report waits for, in a few words: the step's first sentence, or the checklist question's number.</summary>
    private static string CurrentStep(TriageTurn turn) => TriagePhases.Current(turn) switch
    {
        TriagePhase.Resume => "carry on or cancel",
        TriagePhase.CancelReason => "why the report is cancelled",
        TriagePhase.Reason => "a few words on your last answer",
        TriagePhase.Danger => "is anyone in immediate danger",
        TriagePhase.IncidentType => "the type of concern",
        TriagePhase.StudentReference => "which student",
        TriagePhase.ChecklistQuestion when turn.Catalog.Checklist(turn.Step!.ChecklistId!) is { } checklist =>
            $"{checklist.Title}, question {TriagePhases.ChecklistAnswers(turn, checklist.Id).Count + 1}",
        TriagePhase.Step => TriageSummary.FirstSentence(turn.Catalog.Text(turn.Step!.Text)),
        _ => "the summary",
    };
}
