using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Scoring;

namespace TriageBot.Dialogs.Triage;

/// <summary>What a report is waiting for, worked out from its state alone (nothing else is stored).</summary>
internal enum TriagePhase
{
    /// <summary>Back after a long gap: carry on or cancel?</summary>
    Resume,

    /// <summary>Cancel was asked: why?</summary>
    CancelReason,

    /// <summary>A typed reason for the last answer.</summary>
    Reason,

    Danger,
    IncidentType,
    StudentReference,

    /// <summary>An instruction or a question of the protocol.</summary>
    Step,

    /// <summary>A question of the checklist the current step runs.</summary>
    ChecklistQuestion,

    /// <summary>Every question of the current checklist is answered: score it and move on (no input needed).</summary>
    ChecklistScore,

    /// <summary>The protocol reached its end: the summary (no input needed).</summary>
    Finished,
}

internal static class TriagePhases
{
    private static bool ChecklistWaitsForScore(TriageTurn turn) =>
        turn.Step is { Kind: StepKind.Checklist } step && turn.Catalog.Checklist(step.ChecklistId!) is { } checklist
        && ChecklistScorer.NextQuestion(checklist, ChecklistAnswers(turn, checklist.Id)) is null;

    public static TriagePhase Current(TriageTurn turn)
    {
        var state = turn.State;
        if (state.AwaitingResume)
        {
            return TriagePhase.Resume;
        }

        if (state.Cancelling)
        {
            return TriagePhase.CancelReason;
        }

        // A checklist's last answer is scored before its follow-up prompt, so an acute result acts at once.
        if (state.Pending is not null && !(state.Pending.Kind == PendingReasonKind.ChecklistFollowUp && ChecklistWaitsForScore(turn)))
        {
            return TriagePhase.Reason;
        }

        if (state.Danger is null && !state.EmergencyDeclared)
        {
            return TriagePhase.Danger;
        }

        if (turn.Protocol is null)
        {
            return TriagePhase.IncidentType;
        }

        if (state.StudentReference == StudentReferenceStatus.NotAsked)
        {
            return TriagePhase.StudentReference;
        }

        if (state.StepId == ProtocolStep.End || turn.Step is not { } step)
        {
            return TriagePhase.Finished;
        }

        if (step.Kind == StepKind.Checklist && turn.Catalog.Checklist(step.ChecklistId!) is { } checklist)
        {
            return ChecklistScorer.NextQuestion(checklist, ChecklistAnswers(turn, checklist.Id)) is null
                ? TriagePhase.ChecklistScore
                : TriagePhase.ChecklistQuestion;
        }

        return TriagePhase.Step;
    }

    public static Dictionary<string, string> ChecklistAnswers(TriageTurn turn, string checklistId)
    {
        if (!turn.State.ChecklistAnswers.TryGetValue(checklistId, out var answers))
        {
            answers = new Dictionary<string, string>(StringComparer.Ordinal);
            turn.State.ChecklistAnswers[checklistId] = answers;
        }

        return answers;
    }
}
