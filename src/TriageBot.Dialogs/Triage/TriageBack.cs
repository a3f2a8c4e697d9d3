using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// "Back": undoes the last answer and asks it again. The log keeps the earlier answer and a went-back event, so the
/// record shows both what was first said and what replaced it. Whether anyone is in danger can never be undone.
/// </summary>
internal static class TriageBack
{
    /// <returns>False when there is nothing to go back to.</returns>
    public static bool TryGoBack(TriageTurn turn)
    {
        var state = turn.State;
        state.Pending = null;
        if (state.History.Count == 0)
        {
            return false;
        }

        var move = state.History[^1];
        state.History.RemoveAt(state.History.Count - 1);
        switch (move.Kind)
        {
            case TriageMoveKind.IncidentType:
                state.ProtocolId = null;
                state.StepId = null;
                break;
            case TriageMoveKind.StudentReference:
                state.StudentReference = StudentReferenceStatus.NotAsked;
                break;
            case TriageMoveKind.Step:
                state.StepId = move.StepId;
                state.StepAnswers.Remove(move.StepId!);
                state.Confirmations.Remove(move.StepId!);
                break;
            case TriageMoveKind.ProtocolSwitch:
                state.ProtocolId = move.ProtocolId;
                state.StepId = move.StepId;
                state.StepAnswers.Remove(move.StepId!);
                break;
            case TriageMoveKind.ChecklistQuestion:
                state.StepId = move.StepId;
                state.ChecklistResults.Remove(move.ChecklistId!);
                TriagePhases.ChecklistAnswers(turn, move.ChecklistId!).Remove(move.QuestionId!);
                break;
        }

        turn.Record(IncidentEventTypes.WentBack, new JsonObject
        {
            ["to"] = move.Kind.ToString(),
            ["step"] = move.StepId,
            ["question"] = move.QuestionId,
        });
        return true;
    }
}
