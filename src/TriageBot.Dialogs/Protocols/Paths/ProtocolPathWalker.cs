using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Referrals;

namespace TriageBot.Dialogs.Protocols.Paths;

/// <summary>
/// Enumerates every path through a protocol: every answer of every question and every result of every checklist.
/// Validation uses it to prove that each path ends with a response level and a referral decision.
/// </summary>
public static class ProtocolPathWalker
{
    /// <summary>Far more than any protocol a school would write; a guard against a combinatorial explosion.</summary>
    public const int MaxPaths = 50_000;

    public static IReadOnlyList<ProtocolPath> Walk(IncidentProtocol protocol, Func<string, Checklist?> checklists)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(checklists);

        var paths = new List<ProtocolPath>();
        var choices = new List<PathChoice>();
        var stepAnswers = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal);

        void Finish(bool endsAtEnd, string? switchedTo = null)
        {
            var answers = new IncidentAnswers(
                new Dictionary<string, string>(stepAnswers, StringComparer.Ordinal),
                new Dictionary<string, string>(results, StringComparer.Ordinal));
            paths.Add(new ProtocolPath(choices.ToList(), answers, ReferralRules.LevelFor(protocol, answers, checklists), endsAtEnd, switchedTo));
        }

        void Visit(string stepId)
        {
            if (paths.Count >= MaxPaths)
            {
                return;
            }

            if (stepId == ProtocolStep.End)
            {
                Finish(endsAtEnd: true);
                return;
            }

            var step = protocol.Step(stepId);
            if (step is null || !onPath.Add(stepId))
            {
                Finish(endsAtEnd: false);
                return;
            }

            foreach (var (choice, next) in Branches(step, checklists))
            {
                choices.Add(new PathChoice(stepId, choice));
                if (step.Kind == StepKind.Question && choice is not null)
                {
                    stepAnswers[stepId] = choice;
                }
                else if (step.Kind == StepKind.Checklist && choice is not null && step.ChecklistId is { } checklistId)
                {
                    results[checklistId] = choice;
                }

                if (step.Kind == StepKind.Question && step.Answers.FirstOrDefault(a => a.Id == choice)?.SwitchTo is { } switchTo)
                {
                    Finish(endsAtEnd: true, switchTo);
                }
                else if (next is null)
                {
                    Finish(endsAtEnd: false);
                }
                else
                {
                    Visit(next);
                }

                choices.RemoveAt(choices.Count - 1);
                stepAnswers.Remove(stepId);
                if (step.Kind == StepKind.Checklist && step.ChecklistId is { } id)
                {
                    results.Remove(id);
                }
            }

            onPath.Remove(stepId);
        }

        Visit(protocol.Start);
        return paths;
    }

    /// <summary>What can be chosen at a step and where each choice leads (null: nowhere).</summary>
    public static IReadOnlyList<(string? Choice, string? Next)> Branches(ProtocolStep step, Func<string, Checklist?> checklists)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(checklists);

        switch (step.Kind)
        {
            case StepKind.Question:
                return step.Answers.Count == 0 ? [(null, null)] : step.Answers.Select(a => ((string?)a.Id, (string?)a.Next)).ToList();
            case StepKind.Checklist:
                var checklist = step.ChecklistId is null ? null : checklists(step.ChecklistId);
                if (checklist is null || checklist.Results.Count == 0)
                {
                    return [(null, step.Next)];
                }

                return checklist.Results.Select(r => ((string?)r.Id, step.NextFor(r.Id))).ToList();
            default:
                return [(null, step.Next)];
        }
    }
}
