using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Referrals;

/// <summary>Which referral rules of a protocol apply, and the response level the answers call for. Pure.</summary>
public static class ReferralRules
{
    /// <summary>
    /// The rules that apply, one per service (the most urgent when several name the same service), most urgent first,
    /// then in the order written.
    /// </summary>
    /// <param name="regionId">The school's region; rules limited to other regions are left out.</param>
    public static IReadOnlyList<ReferralRule> Match(IncidentProtocol protocol, ResponseLevel level, IncidentAnswers answers, string regionId)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(answers);

        return protocol.Referrals
            .Select((rule, order) => (rule, order))
            .Where(x => Applies(x.rule, level, answers, regionId))
            .GroupBy(x => x.rule.ServiceId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(x => x.rule.Urgency).ThenBy(x => x.order).First())
            .OrderBy(x => x.rule.Urgency)
            .ThenBy(x => x.order)
            .Select(x => x.rule)
            .ToList();
    }

    /// <summary>
    /// The most urgent level set by the answers given and the checklist results, raised to <paramref name="floor"/>
    /// when that is more urgent (the dialog's "is anyone in immediate danger?" may already have set one).
    /// Null when nothing on the path set a level.
    /// </summary>
    public static ResponseLevel? LevelFor(
        IncidentProtocol protocol,
        IncidentAnswers answers,
        Func<string, Checklist?> checklists,
        ResponseLevel? floor = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(checklists);

        var levels = new List<ResponseLevel>();
        if (floor is { } f)
        {
            levels.Add(f);
        }

        foreach (var (stepId, answerId) in answers.StepAnswers)
        {
            var answer = protocol.Step(stepId)?.Answers.FirstOrDefault(a => a.Id == answerId);
            if (answer?.Level is { } level)
            {
                levels.Add(level);
            }
        }

        foreach (var (checklistId, resultId) in answers.ChecklistResults)
        {
            if (checklists(checklistId)?.Result(resultId) is { } result)
            {
                levels.Add(result.Level);
            }
        }

        return ResponseLevels.MostUrgent(levels);
    }

    private static bool Applies(ReferralRule rule, ResponseLevel level, IncidentAnswers answers, string regionId) =>
        (rule.Levels.Count == 0 || rule.Levels.Contains(level))
        && (rule.Regions.Count == 0 || rule.Regions.Contains(regionId, StringComparer.Ordinal))
        && rule.Answers.All(a => answers.StepAnswers.TryGetValue(a.Key, out var given) && given == a.Value)
        && rule.ChecklistResults.All(r => answers.ChecklistResults.TryGetValue(r.Key, out var given) && given == r.Value);
}
