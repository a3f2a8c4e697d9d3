namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>
/// "Any (or all) of these questions was answered with one of these answers." A question not asked never matches.
/// </summary>
public sealed record AnswerCondition(
    ConditionMode Mode,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Answers,
    ContentLocation Location)
{
    public bool IsMetBy(IReadOnlyDictionary<string, string> answers)
    {
        bool Matches(string question) =>
            answers.TryGetValue(question, out var answer) && Answers.Contains(answer, StringComparer.Ordinal);

        return Mode == ConditionMode.Any ? Questions.Any(Matches) : Questions.All(Matches);
    }
}
