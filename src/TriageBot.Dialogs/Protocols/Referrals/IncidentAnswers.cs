namespace TriageBot.Dialogs.Protocols.Referrals;

/// <summary>What was answered in one incident: question steps (step id to answer id) and checklist results (checklist id to result id).</summary>
public sealed record IncidentAnswers(
    IReadOnlyDictionary<string, string> StepAnswers,
    IReadOnlyDictionary<string, string> ChecklistResults)
{
    /// <summary>Someone was said to be in immediate danger (the danger question or the emergency command), at any point.</summary>
    public bool ImmediateDanger { get; init; }

    public static IncidentAnswers Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());
}
