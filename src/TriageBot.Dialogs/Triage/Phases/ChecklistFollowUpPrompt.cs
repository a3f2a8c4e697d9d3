using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>
/// The prompts printed under a checklist question, asked one by one after a "yes" ("If yes, how?", "When?"). The
/// typed words go to the incident log encrypted; "The student did not say" is a button, so nothing is invented.
/// </summary>
internal static class ChecklistFollowUpPrompt
{
    public const string NotSaidId = "not_said";

    // Only these whole phrases mean "not said": a typed answer is never matched word by word ("student said pills").
    private static readonly string[] NotSaidPhrases = ["the student did not say", "did not say", "didn't say", "not said", "skip", "no answer"];

    public static TriageQuestion Question(TriageTurn turn, PendingReason pending)
    {
        var (checklist, question, followUp) = Prompt(turn, pending);
        var number = checklist.Questions.ToList().IndexOf(question) + 1;
        return new TriageQuestion(
            $"followup:{checklist.Id}:{question.Id}:{followUp.Id}",
            followUp.Text,
            [new TriageAnswer(NotSaidId, "The student did not say")],
            $"{checklist.Title}, question {number}");
    }

    public static async Task<bool> AnswerAsync(TriageTurn turn, PendingReason pending, CancellationToken cancellationToken)
    {
        var (checklist, question, followUp) = Prompt(turn, pending);
        var asked = Question(turn, pending);
        var reading = asked.ReadExactly(turn.Input);
        var typed = ChoicePrompt.ButtonValue(turn.Input) is null ? turn.Input.Text?.Trim() : null;
        var notSaid = reading.Kind == TriageReadingKind.Chosen || NotSaidPhrases.Contains(InputText.Normalise(typed), StringComparer.Ordinal);
        if (!notSaid && string.IsNullOrEmpty(typed))
        {
            var why = reading.Kind == TriageReadingKind.Stale ? turn.Texts.StaleButton : turn.Texts.ReasonRetry;
            await turn.SendAsync(asked.ToReply(why), cancellationToken);
            return false;
        }

        turn.Record(
            IncidentEventTypes.ChecklistFollowUpAnswered,
            new JsonObject { ["checklist"] = checklist.Id, ["question"] = question.Id, ["followUp"] = followUp.Id, ["skipped"] = notSaid ? true : null },
            notSaid ? null : new JsonObject { ["text"] = typed });
        var next = pending.FollowUpIndex + 1;
        turn.State.Pending = next < question.FollowUps.Count ? pending with { FollowUpIndex = next } : null;
        return true;
    }

    private static (Checklist Checklist, ChecklistQuestion Question, ChecklistFollowUp FollowUp) Prompt(TriageTurn turn, PendingReason pending)
    {
        var checklist = turn.Catalog.Checklist(pending.ChecklistId!)!;
        var question = checklist.Question(pending.QuestionId!)!;
        return (checklist, question, question.FollowUps[pending.FollowUpIndex]);
    }
}
