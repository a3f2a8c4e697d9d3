using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>
/// Which student: initials and year group, or the pupil id, never a name. It can always be skipped, so an emergency
/// (or a member of staff who does not know the student) is never held up by it; the summary lists it as open.
/// </summary>
internal sealed class StudentReferencePhase : ITriagePhase
{
    private const string Skip = "skip";

    public BotReply Ask(TriageTurn turn) => Question(turn).ToReply();

    public async Task<bool> AnswerAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        var question = Question(turn);
        var reading = question.Read(turn.Input);
        if (reading.Kind == TriageReadingKind.Chosen && reading.AnswerId == Skip)
        {
            turn.State.StudentReference = StudentReferenceStatus.Skipped;
            turn.State.History.Add(new TriageMove(TriageMoveKind.StudentReference));
            turn.Record(IncidentEventTypes.StudentReference, new JsonObject { ["given"] = false });
            await turn.SendAsync(turn.Texts.StudentReferenceSkipped, cancellationToken);
            return true;
        }

        if (reading.Kind == TriageReadingKind.Stale)
        {
            return await RetryAsync(turn, question, turn.Texts.StaleButton, cancellationToken);
        }

        var reference = StudentReference.Read(turn.Input.Text);
        if (!reference.IsValid)
        {
            var why = reference.Kind == StudentReferenceKind.LooksLikeName
                ? turn.Texts.StudentReferenceLooksLikeName
                : turn.Texts.StudentReferenceUnreadable;
            return await RetryAsync(turn, question, why, cancellationToken);
        }

        turn.State.StudentReference = StudentReferenceStatus.Given;
        turn.State.History.Add(new TriageMove(TriageMoveKind.StudentReference));
        turn.Record(
            IncidentEventTypes.StudentReference,
            new JsonObject { ["given"] = true, ["kind"] = reference.Kind == StudentReferenceKind.PupilId ? "pupil_id" : "initials_and_year" },
            new JsonObject { ["reference"] = reference.Reference });
        return true;
    }

    private static async Task<bool> RetryAsync(TriageTurn turn, TriageQuestion question, string why, CancellationToken cancellationToken)
    {
        await turn.SendAsync(question.ToReply(why), cancellationToken);
        return false;
    }

    private static TriageQuestion Question(TriageTurn turn) => new(
        "student",
        turn.Texts.StudentReferenceQuestion,
        [new TriageAnswer(Skip, "Skip for now", ["skip", "not now", "later", "don't know", "do not know", "unknown", "not sure"])],
        turn.Title);
}
