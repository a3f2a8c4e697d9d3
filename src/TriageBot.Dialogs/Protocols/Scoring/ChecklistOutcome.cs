using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Scoring;

/// <summary>A checklist's result, or the questions still to be answered before there is one.</summary>
public sealed record ChecklistOutcome(ChecklistResultRule? Result, IReadOnlyList<string> Unanswered)
{
    public bool IsComplete => Result is not null;
}
