using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>
/// The first question of every report: is anyone in immediate danger right now? Yes gives the emergency instruction
/// and asks for the duty lead in the same turn, before anything else is asked.
/// </summary>
internal sealed class DangerPhase : ITriagePhase
{
    public BotReply Ask(TriageTurn turn) => Question(turn).ToReply();

    public async Task<bool> AnswerAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        var reading = Question(turn).Read(turn.Input);
        if (reading.Kind != TriageReadingKind.Chosen)
        {
            await turn.SendAsync(Question(turn).ToReply(turn.Texts.DangerRetry), cancellationToken);
            return false;
        }

        var inDanger = reading.AnswerId == "yes";
        turn.State.Danger = inDanger;
        turn.Record(IncidentEventTypes.DangerAnswered, new JsonObject { ["inDanger"] = inDanger });
        if (inDanger)
        {
            await turn.DeclareEmergencyAsync("danger_question", cancellationToken);
        }

        return true;
    }

    private static TriageQuestion Question(TriageTurn turn)
    {
        var text = turn.Protocol is { } protocol
            ? $"{TriageTexts.SoundsLike(protocol.Title)} {turn.Texts.DangerQuestion}"
            : turn.Texts.DangerQuestion;
        return new TriageQuestion(
            "danger",
            text,
            [
                new TriageAnswer("yes", "Yes", ["yes", "y", "someone is in danger", "not sure", "maybe", "i don't know"]),
                new TriageAnswer("no", "No", ["no", "n", "nobody", "no one"]),
            ],
            turn.Title,
            OffersBack: false);
    }
}
