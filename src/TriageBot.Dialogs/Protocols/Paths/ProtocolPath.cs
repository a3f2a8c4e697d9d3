using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Referrals;

namespace TriageBot.Dialogs.Protocols.Paths;

/// <summary>One way through a protocol from its start.</summary>
/// <param name="Choices">The steps visited, in order, and what was chosen at each.</param>
/// <param name="Answers">The answers and checklist results along the way.</param>
/// <param name="Level">The response level the path calls for, or null when nothing on it set one.</param>
/// <param name="EndsAtEnd">True when the path reaches <c>end</c>; false when it stops at a broken reference or a loop.</param>
/// <param name="SwitchedTo">The protocol the path's last answer switches to, which carries the report on; null if none.</param>
public sealed record ProtocolPath(
    IReadOnlyList<PathChoice> Choices,
    IncidentAnswers Answers,
    ResponseLevel? Level,
    bool EndsAtEnd,
    string? SwitchedTo = null)
{
    public override string ToString() =>
        string.Join(" -> ", Choices.Select(c => c.Choice is null ? c.StepId : $"{c.StepId}[{c.Choice}]"))
        + (SwitchedTo is not null ? $" -> switch to {SwitchedTo}" : EndsAtEnd ? " -> end" : " -> (stops)");
}
