namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>A checklist question, worded exactly as it must be asked.</summary>
/// <param name="AskIf">Conditions (all must hold) for asking it at all; empty means always asked.</param>
public sealed record ChecklistQuestion(
    string Id,
    string Text,
    IReadOnlyList<AnswerOption> Options,
    IReadOnlyList<AnswerCondition> AskIf,
    ContentLocation Location)
{
    /// <summary>Prompts asked, in order, after a "yes" to this question (the ASQ's "If yes, how?" and "When?").</summary>
    public IReadOnlyList<ChecklistFollowUp> FollowUps { get; init; } = [];

    /// <summary>Where <see cref="Text"/> is written.</summary>
    public ContentLocation? TextLocation { get; init; }

    public bool IsAskedGiven(IReadOnlyDictionary<string, string> answers) => AskIf.All(condition => condition.IsMetBy(answers));
}
