using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Paths;
using TriageBot.Dialogs.Protocols.Referrals;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// Checks one protocol as a graph: every reference resolves, every step has a way forward and can be reached, nothing
/// loops, and every path from the start ends with a response level and a referral decision.
/// </summary>
internal static class ProtocolValidator
{
    private const int PathErrorsShown = 3;

    public static void Check(
        IncidentProtocol protocol,
        Func<string, Checklist?> checklists,
        IReadOnlySet<string> serviceIds,
        IReadOnlySet<string> protocolIds,
        IReadOnlyList<string> regionIds,
        ContentErrors errors)
    {
        var before = errors.Count;
        if (protocol.Steps.Count == 0)
        {
            errors.Add(protocol.Location, $"protocol '{protocol.Id}' has no steps");
            return;
        }

        if (protocol.Triggers.Count == 0)
        {
            errors.Add(protocol.Location, $"protocol '{protocol.Id}' has no trigger phrases");
        }

        DuplicateIds.Check(protocol.Steps, s => s.Id, s => s.Location, "step", errors);
        foreach (var step in protocol.Steps.Where(s => s.Id == ProtocolStep.End))
        {
            errors.Add(step.Location, $"'{ProtocolStep.End}' is reserved for finishing a protocol; use another step id");
        }

        if (protocol.Step(protocol.Start) is null)
        {
            errors.Add(protocol.Location, $"protocol '{protocol.Id}' starts at unknown step '{protocol.Start}'");
        }

        foreach (var step in protocol.Steps)
        {
            CheckStep(protocol, step, checklists, protocolIds, errors);
        }

        CheckReferrals(protocol, checklists, serviceIds, regionIds, errors);

        if (!protocol.Steps.Any(s => s.IsParentContact) && protocol.ParentContactNotRelevant is null)
        {
            errors.Add(protocol.Location, $"protocol '{protocol.Id}' has no parent/carer contact step: add a question with 'parent_contact: true', or say why it is not relevant in 'parent_contact_not_relevant'");
        }

        if (errors.Count > before)
        {
            return;
        }

        // Only a protocol whose references all resolve can be walked meaningfully.
        CheckReachable(protocol, checklists, errors);
        CheckLoops(protocol, checklists, errors);
        if (errors.Count == before)
        {
            CheckPaths(protocol, checklists, regionIds, errors);
        }
    }

    private static void CheckStep(IncidentProtocol protocol, ProtocolStep step, Func<string, Checklist?> checklists, IReadOnlySet<string> protocolIds, ContentErrors errors)
    {
        void CheckTarget(string target, ContentLocation location, string what)
        {
            if (target != ProtocolStep.End && protocol.Step(target) is null)
            {
                errors.Add(location, $"{what} goes to unknown step '{target}'");
            }
        }

        switch (step.Kind)
        {
            case StepKind.Action:
                if (step.Confirm.Count == 0)
                {
                    errors.Add(step.Location, $"step '{step.Id}' offers nothing to confirm: give 'confirm' one or more of done, not_possible, not_applicable");
                }

                if (step.Next is null)
                {
                    errors.Add(step.Location, $"step '{step.Id}' has no way forward: add 'next' (a step id, or end)");
                }
                else
                {
                    CheckTarget(step.Next, step.NextLocation ?? step.Location, $"step '{step.Id}'");
                }

                break;

            case StepKind.Question:
                if (step.Answers.Count == 0)
                {
                    errors.Add(step.Location, $"question step '{step.Id}' has no way forward: add 'answers', each with a 'next'");
                }

                DuplicateIds.Check(step.Answers, a => a.Id, a => a.Location, $"answer (step '{step.Id}')", errors);
                foreach (var answer in step.Answers)
                {
                    if (answer.SwitchTo is not { } target)
                    {
                        CheckTarget(answer.Next, answer.Location, $"answer '{answer.Id}' of step '{step.Id}'");
                    }
                    else if (target == protocol.Id)
                    {
                        errors.Add(answer.SwitchToLocation ?? answer.Location, $"answer '{answer.Id}' of step '{step.Id}' switches to this same protocol: use 'next' to go to a step");
                    }
                    else if (!protocolIds.Contains(target))
                    {
                        errors.Add(answer.SwitchToLocation ?? answer.Location, $"answer '{answer.Id}' of step '{step.Id}' switches to unknown protocol '{target}'");
                    }
                }

                break;

            case StepKind.Checklist:
                var checklist = step.ChecklistId is null ? null : checklists(step.ChecklistId);
                if (step.ChecklistId is not null && checklist is null)
                {
                    errors.Add(step.ChecklistLocation ?? step.Location, $"step '{step.Id}' runs unknown checklist '{step.ChecklistId}'");
                }

                foreach (var (resultId, target) in step.OnResult)
                {
                    if (checklist is not null && checklist.Result(resultId) is null)
                    {
                        errors.Add(step.Location, $"'on_result' of step '{step.Id}' names '{resultId}', which checklist '{checklist.Id}' never gives");
                    }

                    CheckTarget(target, step.Location, $"'on_result: {resultId}' of step '{step.Id}'");
                }

                var covered = checklist is not null && checklist.Results.All(r => step.OnResult.ContainsKey(r.Id));
                if (step.Next is null && !covered)
                {
                    errors.Add(step.Location, $"step '{step.Id}' has no way forward: add 'next' (or an 'on_result' for every result)");
                }
                else if (step.Next is not null)
                {
                    CheckTarget(step.Next, step.NextLocation ?? step.Location, $"step '{step.Id}'");
                }

                break;
        }

        if (step.IsParentContact && (step.Kind != StepKind.Question || step.Answers.Any(a => !a.AskReason)))
        {
            errors.Add(step.Location, $"parent/carer contact step '{step.Id}' must be a question whose every answer has 'ask_reason: true', so the reasoning is recorded either way");
        }
    }

    private static void CheckReferrals(
        IncidentProtocol protocol,
        Func<string, Checklist?> checklists,
        IReadOnlySet<string> serviceIds,
        IReadOnlyList<string> regionIds,
        ContentErrors errors)
    {
        var runChecklists = protocol.Steps.Where(s => s.ChecklistId is not null).Select(s => s.ChecklistId!).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in protocol.Referrals)
        {
            if (!serviceIds.Contains(rule.ServiceId))
            {
                errors.Add(rule.ServiceLocation ?? rule.Location, $"referral to undefined service '{rule.ServiceId}' (services are defined in services.yaml)");
            }

            foreach (var region in rule.Regions.Where(r => !regionIds.Contains(r, StringComparer.Ordinal)))
            {
                errors.Add(rule.Location, $"referral rule is limited to unknown region '{region}'");
            }

            foreach (var (stepId, answerId) in rule.Answers)
            {
                var step = protocol.Step(stepId);
                if (step is null || step.Kind != StepKind.Question)
                {
                    errors.Add(rule.Location, $"referral rule refers to '{stepId}', which is not a question step of this protocol");
                }
                else if (step.Answers.All(a => a.Id != answerId))
                {
                    errors.Add(rule.Location, $"referral rule refers to answer '{answerId}', which step '{stepId}' does not offer");
                }
            }

            foreach (var (checklistId, resultId) in rule.ChecklistResults)
            {
                if (!runChecklists.Contains(checklistId))
                {
                    errors.Add(rule.Location, $"referral rule refers to checklist '{checklistId}', which this protocol never runs");
                }
                else if (checklists(checklistId)?.Result(resultId) is null)
                {
                    errors.Add(rule.Location, $"referral rule refers to result '{resultId}', which checklist '{checklistId}' never gives");
                }
            }
        }

        if (protocol.Referrals.Count == 0 && protocol.NoReferralOutcome is null)
        {
            errors.Add(protocol.Location, $"protocol '{protocol.Id}' has no referral rules");
        }
    }

    private static void CheckReachable(IncidentProtocol protocol, Func<string, Checklist?> checklists, ContentErrors errors)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([protocol.Start]);
        while (queue.TryDequeue(out var id))
        {
            if (id == ProtocolStep.End || !reached.Add(id) || protocol.Step(id) is not { } step)
            {
                continue;
            }

            foreach (var (_, next) in ProtocolPathWalker.Branches(step, checklists))
            {
                if (next is not null)
                {
                    queue.Enqueue(next);
                }
            }
        }

        foreach (var step in protocol.Steps.Where(s => !reached.Contains(s.Id)))
        {
            errors.Add(step.Location, $"step '{step.Id}' cannot be reached from the start ('{protocol.Start}')");
        }
    }

    private static void CheckLoops(IncidentProtocol protocol, Func<string, Checklist?> checklists, ContentErrors errors)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path, true: done

        void Visit(string id)
        {
            if (id == ProtocolStep.End || protocol.Step(id) is not { } step)
            {
                return;
            }

            if (state.TryGetValue(id, out var done))
            {
                if (!done)
                {
                    errors.Add(step.Location, $"steps loop back to '{id}': a protocol must always move forward (staff can say 'back' themselves)");
                }

                return;
            }

            state[id] = false;
            foreach (var (_, next) in ProtocolPathWalker.Branches(step, checklists))
            {
                if (next is not null)
                {
                    Visit(next);
                }
            }

            state[id] = true;
        }

        Visit(protocol.Start);
    }

    private static void CheckPaths(IncidentProtocol protocol, Func<string, Checklist?> checklists, IReadOnlyList<string> regionIds, ContentErrors errors)
    {
        var paths = ProtocolPathWalker.Walk(protocol, checklists);
        if (paths.Count >= ProtocolPathWalker.MaxPaths)
        {
            errors.Add(protocol.Location, $"protocol '{protocol.Id}' has more than {ProtocolPathWalker.MaxPaths} paths: split it into smaller protocols");
            return;
        }

        var shown = 0;
        // A path that switches protocol is finished by the protocol it switches to, which is checked on its own.
        foreach (var path in paths.Where(p => p.SwitchedTo is null))
        {
            string? problem = null;
            if (path.Level is not { } level)
            {
                problem = $"a path sets no response level ({path}): give the answers on it a 'level'";
            }
            else if (regionIds.FirstOrDefault(region => ReferralRules.Match(protocol, level, path.Answers, region).Count == 0
                && !(level == ResponseLevel.UniversalSupport && protocol.NoReferralOutcome is not null)) is { } region)
            {
                problem = $"a path ends with no referral in region '{region}' ({path}, level {SnakeCase.From(level)}): add a referral rule, or for universal support a 'no_referral_outcome'";
            }

            if (problem is not null && shown++ < PathErrorsShown)
            {
                errors.Add(protocol.Location, problem);
            }
        }
    }
}
