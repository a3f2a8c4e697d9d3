namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>A screening or information checklist with fixed questions and scoring.</summary>
/// <param name="Intro">Said to staff before the first question (how to ask).</param>
/// <param name="Note">Said with every result (for the ASQ: clinical judgement can override a negative screen).</param>
public sealed record Checklist(
    string Id,
    string Title,
    string Intro,
    IReadOnlyList<ChecklistQuestion> Questions,
    IReadOnlyList<ChecklistResultRule> Results,
    string Note,
    IReadOnlyList<SourceReference> Sources,
    ContentLocation Location)
{
    /// <summary>
    /// Typed answers must be an answer's label, word for word (the buttons work as ever). Set for the ASQ: an everyday
    /// reading of "she never wants to wake up" as "no" would be a false-negative screen.
    /// </summary>
    public bool ExactAnswers { get; init; }

    public ChecklistQuestion? Question(string id) => Questions.FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.Ordinal));

    public ChecklistResultRule? Result(string id) => Results.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
}
