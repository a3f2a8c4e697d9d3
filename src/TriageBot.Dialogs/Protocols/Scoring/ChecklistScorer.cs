using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Scoring;

/// <summary>
/// Scores any checklist by its YAML rules: questions are asked in order when their <c>ask_if</c> holds, and the first
/// result rule whose conditions all hold is the result. Pure: the same answers always give the same result.
/// </summary>
public static class ChecklistScorer
{
    /// <summary>The next question to ask given the answers so far, or null when every question that applies is answered.</summary>
    public static ChecklistQuestion? NextQuestion(Checklist checklist, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(answers);
        return Asked(checklist, answers).FirstOrDefault(q => !answers.ContainsKey(q.Id));
    }

    public static ChecklistOutcome Score(Checklist checklist, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(answers);

        var asked = Asked(checklist, answers).ToList();
        var unanswered = asked.Where(q => !answers.ContainsKey(q.Id)).Select(q => q.Id).ToList();
        if (unanswered.Count > 0)
        {
            return new ChecklistOutcome(null, unanswered);
        }

        // Answers to questions that did not apply must not change the result.
        var relevant = asked.ToDictionary(q => q.Id, q => answers[q.Id], StringComparer.Ordinal);
        var result = checklist.Results.FirstOrDefault(rule => rule.When.All(condition => condition.IsMetBy(relevant)));
        return new ChecklistOutcome(result, []);
    }

    /// <summary>The questions that apply, in order, judged on the answers to the questions before each.</summary>
    private static IEnumerable<ChecklistQuestion> Asked(Checklist checklist, IReadOnlyDictionary<string, string> answers)
    {
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in checklist.Questions)
        {
            if (question.IsAskedGiven(before))
            {
                yield return question;
                if (answers.TryGetValue(question.Id, out var answer))
                {
                    before[question.Id] = answer;
                }
            }
        }
    }
}
