namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>One step of an incident protocol.</summary>
/// <param name="Text">The instruction (action), the question (question) or what to tell staff before a checklist.</param>
/// <param name="Confirm">For actions: what staff may answer. Not possible always asks why.</param>
/// <param name="Next">For actions and checklists: the following step, or <see cref="End"/>.</param>
/// <param name="Answers">For questions: the answers and where each leads.</param>
/// <param name="ChecklistId">For checklist steps: the checklist to run.</param>
/// <param name="OnResult">For checklist steps: a result id that leads somewhere other than <paramref name="Next"/>.</param>
/// <param name="IsParentContact">This is the parent/carer contact decision (could contacting home increase the risk?).</param>
public sealed record ProtocolStep(
    string Id,
    StepKind Kind,
    string Text,
    IReadOnlyList<ConfirmOption> Confirm,
    string? Next,
    IReadOnlyList<StepAnswer> Answers,
    string? ChecklistId,
    IReadOnlyDictionary<string, string> OnResult,
    bool IsParentContact,
    ContentLocation Location)
{
    /// <summary>The pseudo step id that finishes a protocol.</summary>
    public const string End = "end";

    /// <summary>
    /// The answers of "is anyone in immediate danger right now?" ("yes", "no") that answer this question too, so staff
    /// are not asked about danger twice: a "yes" there takes this step's "yes" without asking.
    /// </summary>
    public IReadOnlyList<string> AnsweredByDangerQuestion { get; init; } = [];

    /// <summary>Where <see cref="Next"/> is written, so errors point at that line.</summary>
    public ContentLocation? NextLocation { get; init; }

    /// <summary>Where <see cref="Text"/> is written.</summary>
    public ContentLocation? TextLocation { get; init; }

    /// <summary>Where <see cref="ChecklistId"/> is written.</summary>
    public ContentLocation? ChecklistLocation { get; init; }

    /// <summary>Where the protocol goes after this step for a given answer or checklist result id.</summary>
    public string? NextFor(string? answerOrResult)
    {
        if (Kind == StepKind.Question)
        {
            return Answers.FirstOrDefault(a => string.Equals(a.Id, answerOrResult, StringComparison.Ordinal))?.Next;
        }

        if (answerOrResult is not null && OnResult.TryGetValue(answerOrResult, out var branch))
        {
            return branch;
        }

        return Next;
    }
}
