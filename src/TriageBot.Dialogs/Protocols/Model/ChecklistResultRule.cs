namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>One scoring rule: when all conditions hold, the checklist gives this result. The first matching rule wins.</summary>
/// <param name="Id">The result's id, used by referral rules and branches.</param>
/// <param name="Label">The result as the instrument names it.</param>
/// <param name="Level">The response level the result calls for.</param>
/// <param name="Guidance">What staff do next, shown with the result; may be empty.</param>
public sealed record ChecklistResultRule(
    string Id,
    string Label,
    ResponseLevel Level,
    IReadOnlyList<AnswerCondition> When,
    string Guidance,
    ContentLocation Location);
