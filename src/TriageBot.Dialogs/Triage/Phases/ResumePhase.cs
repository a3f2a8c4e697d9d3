using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>
/// A member of staff who comes back after a long gap is offered their open report where they left it, rather than
/// having their first message taken as an answer to a question they no longer see.
/// </summary>
internal sealed class ResumePhase : ITriagePhase
{
    public const string CarryOn = "carry_on";
    public const string Cancel = "cancel";

    public BotReply Ask(TriageTurn turn) => Question(turn).ToReply();

    public async Task<bool> AnswerAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        var reading = Question(turn).Read(turn.Input);
        if (reading.Kind != TriageReadingKind.Chosen)
        {
            await turn.SendAsync(Question(turn).ToReply(turn.Texts.ResumeRetry), cancellationToken);
            return false;
        }

        turn.State.AwaitingResume = false;
        if (reading.AnswerId == Cancel)
        {
            turn.State.Cancelling = true;
            return true;
        }

        turn.Record(IncidentEventTypes.Resumed, new JsonObject { ["step"] = turn.State.StepId });
        return true;
    }

    private static TriageQuestion Question(TriageTurn turn)
    {
        var since = TimeZoneInfo.ConvertTime(turn.State.StartedAt, turn.Context.Time.LocalTimeZone).ToString("ddd HH:mm", CultureInfo.InvariantCulture);
        return new TriageQuestion(
            "resume",
            TriageTexts.ResumeOffer(turn.Title, since),
            [
                new TriageAnswer(CarryOn, "Carry on", ["carry on", "continue", "resume", "yes", "go on"]),
                new TriageAnswer(Cancel, "Cancel the report", ["cancel", "cancel it", "no"]),
            ],
            turn.Title,
            OffersBack: false);
    }
}
