using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>
/// An instruction to confirm (done / not possible / does not apply) or a question whose answers branch. "Not possible"
/// and answers marked ask_reason wait for a typed reason; the answer itself is recorded at once, so nothing waits on it.
/// </summary>
internal sealed class ProtocolStepPhase : ITriagePhase
{
    public BotReply Ask(TriageTurn turn) => Question(turn, turn.Step!).ToReply();

    public async Task<bool> AnswerAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        var step = turn.Step!;
        var question = Question(turn, step);
        var reading = question.Read(turn.Input);
        switch (reading.Kind)
        {
            case TriageReadingKind.Chosen:
                break;
            case TriageReadingKind.Stale:
                await turn.SendAsync(question.ToReply(turn.Texts.StaleButton), cancellationToken);
                return false;
            case TriageReadingKind.Ambiguous:
                await turn.SendAsync(question.ToReply($"Did you mean {string.Join(" or ", reading.Candidates!.Select(t => $"\"{t}\""))}? Please choose one."), cancellationToken);
                return false;
            default:
                await turn.SendAsync(question.ToReply(turn.Texts.Retry), cancellationToken);
                return false;
        }

        var chosen = reading.AnswerId!;
        turn.State.History.Add(new TriageMove(TriageMoveKind.Step, step.Id));
        if (step.Kind == StepKind.Question)
        {
            var answer = step.Answers.First(a => a.Id == chosen);
            turn.State.StepAnswers[step.Id] = chosen;
            turn.Record(IncidentEventTypes.QuestionAnswered, new JsonObject
            {
                ["step"] = step.Id,
                ["answer"] = chosen,
                ["level"] = answer.Level is { } level ? SnakeCase.From(level) : null,
                ["parentContact"] = step.IsParentContact ? true : null,
            });
            if (answer.SwitchTo is { } switchTo)
            {
                await IncidentTypePhase.SwitchAsync(turn, switchTo, step.Id, cancellationToken);
                return true;
            }

            turn.State.StepId = answer.Next;
            if (answer.AskReason)
            {
                turn.State.Pending = new PendingReason(PendingReasonKind.AnswerReasoning, step.Id, chosen, answer.Next);
            }

            return true;
        }

        turn.State.Confirmations[step.Id] = chosen;
        turn.Record(IncidentEventTypes.StepConfirmed, new JsonObject { ["step"] = step.Id, ["outcome"] = chosen });
        turn.State.StepId = step.Next;
        if (chosen == ConfirmIds.NotPossible)
        {
            turn.State.Pending = new PendingReason(PendingReasonKind.NotPossible, step.Id, chosen, step.Next);
        }

        return true;
    }

    /// <summary>
    /// A question the danger question already answered (see <see cref="ProtocolStep.AnsweredByDangerQuestion"/>) takes
    /// that answer without asking. No move is kept for back: back goes to the question staff actually answered.
    /// </summary>
    public static bool TryAnswerFromDangerQuestion(TriageTurn turn)
    {
        var dangerAnswer = turn.State.EmergencyDeclared || turn.State.Danger == true ? "yes" : turn.State.Danger == false ? "no" : null;
        if (turn.Step is not { Kind: StepKind.Question } step || dangerAnswer is null || !step.AnsweredByDangerQuestion.Contains(dangerAnswer, StringComparer.Ordinal))
        {
            return false;
        }

        var answer = step.Answers.First(a => a.Id == dangerAnswer);
        turn.State.StepAnswers[step.Id] = answer.Id;
        turn.Record(IncidentEventTypes.QuestionAnswered, new JsonObject
        {
            ["step"] = step.Id,
            ["answer"] = answer.Id,
            ["level"] = answer.Level is { } level ? SnakeCase.From(level) : null,
            ["by"] = "danger_question",
        });
        turn.State.StepId = answer.Next;
        return true;
    }

    private static TriageQuestion Question(TriageTurn turn, ProtocolStep step)
    {
        var text = turn.Catalog.Text(step.Text);
        IReadOnlyList<TriageAnswer> answers = step.Kind == StepKind.Question
            ? step.Answers.Select(a => new TriageAnswer(a.Id, turn.Catalog.Text(a.Label), AnswerSynonyms.For(a.Id))).ToList()
            : step.Confirm.Select(ConfirmIds.Answer).ToList();
        return new TriageQuestion("step:" + step.Id, text, answers, turn.Title);
    }
}

/// <summary>The answers to an instruction, as recorded and as shown.</summary>
internal static class ConfirmIds
{
    public const string Done = "done";
    public const string NotPossible = "not_possible";
    public const string NotApplicable = "not_applicable";

    public static TriageAnswer Answer(ConfirmOption option) => option switch
    {
        ConfirmOption.Done => new TriageAnswer(Done, "Done", ["done", "ok", "okay", "yes", "did it", "finished", "completed", "i have", "i did"]),
        ConfirmOption.NotPossible => new TriageAnswer(NotPossible, "Not possible", ["not possible", "can't", "cannot", "couldn't", "could not", "unable", "no", "impossible"]),
        _ => new TriageAnswer(NotApplicable, "Does not apply", ["not applicable", "n/a", "na", "does not apply", "doesn't apply", "not relevant"]),
    };
}

/// <summary>Everyday words for the answer ids the content uses across questions and checklists.</summary>
internal static class AnswerSynonyms
{
    public static IReadOnlyList<string>? For(string answerId) => answerId switch
    {
        "declined" => ["declined", "refused", "won't answer", "wouldn't answer", "would not answer", "did not answer", "didn't answer", "no answer", "prefer not to say", "won't say"],
        "not_sure" => ["not sure", "don't know", "do not know", "dunno", "unsure", "no idea"],
        "not_known" => ["not known", "don't know", "do not know", "unknown", "no idea"],
        _ => null,
    };
}
