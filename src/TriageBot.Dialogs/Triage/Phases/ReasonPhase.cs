using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>
/// A few typed words for the answer just given: why an instruction was not possible, the reasoning behind a
/// parent/carer contact decision, or a checklist's follow-up prompt (<see cref="ChecklistFollowUpPrompt"/>). The words go to the incident log (encrypted), never into the conversation state.
/// </summary>
internal sealed class ReasonPhase : ITriagePhase
{
    public BotReply Ask(TriageTurn turn) => turn.State.Pending!.Kind == PendingReasonKind.ChecklistFollowUp
        ? ChecklistFollowUpPrompt.Question(turn, turn.State.Pending).ToReply()
        : Question(turn).ToReply();

    public async Task<bool> AnswerAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        var pending = turn.State.Pending!;
        if (pending.Kind == PendingReasonKind.ChecklistFollowUp)
        {
            return await ChecklistFollowUpPrompt.AnswerAsync(turn, pending, cancellationToken);
        }

        var typed = turn.Input.Text?.Trim();
        if (ChoicePrompt.ButtonValue(turn.Input) is not null || string.IsNullOrEmpty(typed))
        {
            await turn.SendAsync(Question(turn).ToReply(turn.Texts.ReasonRetry), cancellationToken);
            return false;
        }

        turn.Record(
            IncidentEventTypes.ReasonGiven,
            new JsonObject { ["step"] = pending.StepId, ["for"] = pending.Choice },
            new JsonObject { ["reason"] = typed });
        turn.State.Pending = null;
        return true;
    }

    private static TriageQuestion Question(TriageTurn turn) => new(
        "reason:" + turn.State.Pending!.StepId,
        turn.State.Pending.Kind == PendingReasonKind.NotPossible ? turn.Texts.NotPossibleWhy : turn.Texts.ReasoningWhy,
        [],
        turn.Title);
}
