using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>
/// Why a report is being cancelled. A report is never dropped silently: it is recorded as cancelled with the reason
/// (or, if cancel is asked again instead of a reason, without one).
/// </summary>
internal sealed class CancelReasonPhase : ITriagePhase
{
    public const string KeepGoing = "keep";

    public BotReply Ask(TriageTurn turn) => Question(turn).ToReply();

    public async Task<bool> AnswerAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        var reading = Question(turn).Read(turn.Input);
        if (reading.Kind == TriageReadingKind.Chosen && reading.AnswerId == KeepGoing)
        {
            turn.State.Cancelling = false;
            return true;
        }

        var typed = turn.Input.Text?.Trim();
        if (ChoicePrompt.ButtonValue(turn.Input) is not null || string.IsNullOrEmpty(typed))
        {
            await turn.SendAsync(Question(turn).ToReply(turn.Texts.ReasonRetry), cancellationToken);
            return false;
        }

        RecordCancelled(turn, typed);
        await turn.SendAsync(turn.Texts.CancelledWithReason, cancellationToken);
        return true;
    }

    public static void RecordCancelled(TriageTurn turn, string? reason) => turn.Record(
        IncidentEventTypes.Cancelled,
        new JsonObject { ["step"] = turn.State.StepId, ["reasonGiven"] = reason is not null },
        reason is null ? null : new JsonObject { ["reason"] = reason });

    private static TriageQuestion Question(TriageTurn turn) => new(
        "cancel",
        turn.Texts.CancelWhy,
        [new TriageAnswer(KeepGoing, "Keep the report open", ["keep", "keep it", "keep going", "carry on", "continue", "don't cancel", "do not cancel", "resume"])],
        turn.Title,
        OffersBack: false);
}
