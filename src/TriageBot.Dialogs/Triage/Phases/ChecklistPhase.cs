using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Protocols.Scoring;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>
/// The questions of the checklist the current step runs, word for word, one card each; then the score, its result and
/// guidance, and the protocol goes on where that result leads. A typed time ("10 minutes ago", "at 2:15") picks the
/// answer that covers it when the answers say how long ago they cover.
/// </summary>
internal sealed class ChecklistPhase : ITriagePhase
{
    public BotReply Ask(TriageTurn turn)
    {
        var (checklist, question, answers) = Current(turn);
        if (answers.Count > 0)
        {
            return Reply(turn, checklist, question, answers);
        }

        // The first question: how to ask, then the question exactly as written, in its own paragraph.
        var intro = string.Join(' ', new[] { turn.Step!.Text, checklist.Intro }.Where(t => t.Length > 0).Select(turn.Catalog.Text));
        return Reply(turn, checklist, question, answers, intro: intro.Length > 0 ? intro : null);
    }

    public async Task<bool> AnswerAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        var (checklist, question, answers) = Current(turn);
        var asked = Question(turn, checklist, question, answers);
        if (checklist.ExactAnswers)
        {
            return await AnswerExactlyAsync(turn, checklist, question, answers, asked, cancellationToken);
        }

        var reading = asked.Read(turn.Input);
        DateTimeOffset? moment = null;
        if (reading.Kind is TriageReadingKind.NotUnderstood or TriageReadingKind.Ambiguous && question.Options.Any(o => o.Elapsed is not null))
        {
            moment = DateTimeRecognizer.Recognize(turn.Input.Text, turn.Context.Time.GetLocalNow());
            var elapsed = moment is { } at ? turn.Context.Time.GetLocalNow() - at : (TimeSpan?)null;
            if (elapsed is { } ago && ago >= TimeSpan.Zero && question.Options.FirstOrDefault(o => o.Elapsed?.Contains(ago) == true) is { } option)
            {
                reading = TriageReading.Chosen(option.Id);
            }
        }

        if (reading.Kind != TriageReadingKind.Chosen)
        {
            var why = reading.Kind switch
            {
                TriageReadingKind.Stale => turn.Texts.StaleButton,
                TriageReadingKind.Ambiguous => $"Did you mean {string.Join(" or ", reading.Candidates!.Select(t => $"\"{t}\""))}? Please choose one.",
                _ => turn.Texts.Retry,
            };
            await turn.SendAsync(Reply(turn, checklist, question, answers, note: why), cancellationToken);
            return false;
        }

        Answer(turn, checklist, question, answers, reading.AnswerId!, new JsonObject
        {
            ["checklist"] = checklist.Id,
            ["question"] = question.Id,
            ["answer"] = reading.AnswerId,
            ["statedTime"] = moment?.ToString("O", CultureInfo.InvariantCulture),
        });
        return true;
    }

    /// <summary>
    /// A checklist whose answers must be given exactly (the ASQ): a button, back, or an answer's label typed word for
    /// word. Anything else is kept on the record and the question asked again; a typed answer is read back.
    /// </summary>
    private static async Task<bool> AnswerExactlyAsync(
        TriageTurn turn, Checklist checklist, ChecklistQuestion question, Dictionary<string, string> answers, TriageQuestion asked, CancellationToken cancellationToken)
    {
        var reading = asked.ReadExactly(turn.Input);
        var typed = ChoicePrompt.ButtonValue(turn.Input) is null ? turn.Input.Text?.Trim() : null;
        if (reading.Kind != TriageReadingKind.Chosen)
        {
            if (reading.Kind == TriageReadingKind.NotUnderstood && !string.IsNullOrEmpty(typed))
            {
                turn.Record(
                    IncidentEventTypes.ChecklistWordsTyped,
                    new JsonObject { ["checklist"] = checklist.Id, ["question"] = question.Id },
                    new JsonObject { ["typed"] = typed });
            }

            var why = reading.Kind == TriageReadingKind.Stale ? turn.Texts.StaleButton : turn.Texts.ExactAnswerRetry;
            await turn.SendAsync(Reply(turn, checklist, question, answers, note: why), cancellationToken);
            return false;
        }

        var answerId = reading.AnswerId!;
        Answer(
            turn,
            checklist,
            question,
            answers,
            answerId,
            new JsonObject { ["checklist"] = checklist.Id, ["question"] = question.Id, ["answer"] = answerId, ["typed"] = typed is null ? null : true },
            typed is null ? null : new JsonObject { ["typed"] = typed });
        if (typed is not null)
        {
            await turn.SendAsync(TriageTexts.Recorded(question.Options.First(o => o.Id == answerId).Label), cancellationToken);
        }

        return true;
    }

    private static void Answer(
        TriageTurn turn, Checklist checklist, ChecklistQuestion question, Dictionary<string, string> answers, string answerId, JsonObject data, JsonObject? personal = null)
    {
        answers[question.Id] = answerId;
        turn.State.History.Add(new TriageMove(TriageMoveKind.ChecklistQuestion, turn.Step!.Id, checklist.Id, question.Id));
        turn.Record(IncidentEventTypes.ChecklistAnswered, data, personal);
        if (answerId == "yes" && question.FollowUps.Count > 0)
        {
            turn.State.Pending = new PendingReason(PendingReasonKind.ChecklistFollowUp, turn.Step!.Id, answerId, null, checklist.Id, question.Id);
        }
    }

    /// <summary>Scores the finished checklist, tells staff the result and moves the protocol to where it leads.</summary>
    public static async Task ScoreAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        var step = turn.Step!;
        var checklist = turn.Catalog.Checklist(step.ChecklistId!)!;
        var outcome = ChecklistScorer.Score(checklist, TriagePhases.ChecklistAnswers(turn, checklist.Id));
        if (outcome.Result is not { } result)
        {
            // Validation proves every combination has a result; if content ever slips through, the lead decides.
            turn.Record(IncidentEventTypes.ChecklistScored, new JsonObject { ["checklist"] = checklist.Id, ["result"] = null });
            await turn.SendAsync($"{checklist.Title}: no result. Tell the {turn.Catalog.Text("{role:duty_lead}")} now.", cancellationToken);
            turn.State.StepId = step.Next;
            return;
        }

        turn.State.ChecklistResults[checklist.Id] = result.Id;
        turn.Record(IncidentEventTypes.ChecklistScored, new JsonObject
        {
            ["checklist"] = checklist.Id,
            ["result"] = result.Id,
            ["level"] = SnakeCase.From(result.Level),
        });
        // An emergency result comes before any follow-up prompt: staff act now, and write down what the student said
        // at the protocol's record step. That the prompt was not asked is on the record.
        if (result.Level == ResponseLevel.EmergencyNow && turn.State.Pending is { Kind: PendingReasonKind.ChecklistFollowUp } pending)
        {
            var question = checklist.Question(pending.QuestionId!)!;
            foreach (var followUp in question.FollowUps.Skip(pending.FollowUpIndex))
            {
                turn.Record(IncidentEventTypes.ChecklistFollowUpAnswered, new JsonObject
                {
                    ["checklist"] = checklist.Id,
                    ["question"] = question.Id,
                    ["followUp"] = followUp.Id,
                    ["notAsked"] = "emergency_first",
                });
            }

            turn.State.Pending = null;
        }

        var parts = new[] { $"{checklist.Title}: {result.Label}.", result.Guidance, checklist.Note }.Where(p => p.Length > 0).Select(turn.Catalog.Text);
        await turn.SendAsync(string.Join(' ', parts), cancellationToken);
        turn.State.StepId = step.NextFor(result.Id);
    }

    private static (Checklist Checklist, ChecklistQuestion Question, Dictionary<string, string> Answers) Current(TriageTurn turn)
    {
        var checklist = turn.Catalog.Checklist(turn.Step!.ChecklistId!)!;
        var answers = TriagePhases.ChecklistAnswers(turn, checklist.Id);
        return (checklist, ChecklistScorer.NextQuestion(checklist, answers)!, answers);
    }

    private static TriageQuestion Question(TriageTurn turn, Checklist checklist, ChecklistQuestion question, Dictionary<string, string> answers) => new(
        $"checklist:{checklist.Id}:{question.Id}",
        question.Text,
        question.Options.Select(o => new TriageAnswer(o.Id, o.Label, AnswerSynonyms.For(o.Id))).ToList(),
        $"{checklist.Title}, question {answers.Count + 1}");

    /// <summary>The question on its card (cards/checklist-question.json); the text, for clients without cards, says the same.</summary>
    private static BotReply Reply(TriageTurn turn, Checklist checklist, ChecklistQuestion question, Dictionary<string, string> answers, string? intro = null, string? note = null)
    {
        var asked = Question(turn, checklist, question, answers);
        var card = new ChecklistQuestionCardContent(checklist.Title, answers.Count + 1, question.Text, asked.AnswerChoices, asked.OffersBack, intro, note);
        return asked.ToReply(TriageQuestion.WithNote(note, TriageQuestion.WithNote(intro, question.Text)), card);
    }
}
