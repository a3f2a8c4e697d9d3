using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Referrals;

namespace TriageBot.Dialogs.Tests.Protocols;

/// <summary>
/// Walks every path of every protocol (every answer of every question, every result of every checklist) with its own
/// traversal, independent of the validator's, and checks each ends with a response level and a referral decision.
/// </summary>
public sealed class ProtocolGraphTests
{
    public static TheoryData<string, string> ProtocolsAndRegions()
    {
        var data = new TheoryData<string, string>();
        foreach (var protocol in RepositoryContent.Catalog.Protocols)
        {
            foreach (var region in RepositoryContent.Catalog.Regions)
            {
                data.Add(protocol.Id, region.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtocolsAndRegions))]
    public void EveryPath_EndsWithALevelAndReferrals_WithNoDeadEndsOrUnreachableSteps(string protocolId, string regionId)
    {
        var catalog = RepositoryContent.Catalog.ForRegion(regionId);
        var protocol = catalog.Protocol(protocolId)!;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var paths = 0;

        void Walk(string stepId, List<string> trail, Dictionary<string, string> answers, Dictionary<string, string> results, List<ResponseLevel> levels)
        {
            if (stepId == ProtocolStep.End)
            {
                paths++;
                AssertPathOutcome(catalog, protocol, trail, answers, results, levels);
                return;
            }

            var step = protocol.Step(stepId);
            Assert.True(step is not null, $"dead end: {string.Join(" > ", trail)} goes to unknown step '{stepId}'");
            Assert.False(trail.Contains(stepId), $"loop: {string.Join(" > ", trail)} > {stepId}");
            visited.Add(stepId);
            trail.Add(stepId);

            switch (step.Kind)
            {
                case StepKind.Question:
                    Assert.NotEmpty(step.Answers);
                    foreach (var answer in step.Answers)
                    {
                        if (answer.SwitchTo is { } switchTo)
                        {
                            // The report carries on in the other protocol, whose own paths this theory walks.
                            Assert.NotNull(catalog.Protocol(switchTo));
                            Assert.NotEqual(protocol.Id, switchTo);
                            paths++;
                            continue;
                        }

                        answers[step.Id] = answer.Id;
                        if (answer.Level is { } level)
                        {
                            levels.Add(level);
                        }

                        Walk(answer.Next, trail, answers, results, levels);
                        if (answer.Level is not null)
                        {
                            levels.RemoveAt(levels.Count - 1);
                        }

                        answers.Remove(step.Id);
                    }

                    break;

                case StepKind.Checklist:
                    var checklist = catalog.Checklist(step.ChecklistId!);
                    Assert.NotNull(checklist);
                    foreach (var result in checklist.Results)
                    {
                        var next = step.OnResult.GetValueOrDefault(result.Id) ?? step.Next;
                        Assert.True(next is not null, $"dead end after {step.Id} with result {result.Id}");
                        results[checklist.Id] = result.Id;
                        levels.Add(result.Level);
                        Walk(next, trail, answers, results, levels);
                        levels.RemoveAt(levels.Count - 1);
                        results.Remove(checklist.Id);
                    }

                    break;

                default:
                    Assert.True(step.Next is not null, $"dead end at {step.Id}");
                    Assert.NotEmpty(step.Confirm);
                    Walk(step.Next, trail, answers, results, levels);
                    break;
            }

            trail.RemoveAt(trail.Count - 1);
        }

        Walk(protocol.Start, [], new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);

        Assert.True(paths > 0);
        var unreachable = protocol.Steps.Select(s => s.Id).Where(id => !visited.Contains(id)).ToList();
        Assert.True(unreachable.Count == 0, $"unreachable steps: {string.Join(", ", unreachable)}");
    }

    private static void AssertPathOutcome(
        ProtocolCatalog catalog,
        IncidentProtocol protocol,
        List<string> trail,
        Dictionary<string, string> answers,
        Dictionary<string, string> results,
        List<ResponseLevel> levels)
    {
        var path = string.Join(" > ", trail);
        Assert.True(levels.Count > 0, $"{protocol.Id}: no response level on path {path}");
        var level = levels.Min();
        var incident = new IncidentAnswers(new Dictionary<string, string>(answers), new Dictionary<string, string>(results));

        Assert.Equal(level, catalog.Planner.LevelFor(protocol.Id, incident));

        var plan = catalog.Planner.Plan(protocol.Id, level, incident);
        var explicitUniversal = level == ResponseLevel.UniversalSupport && plan.NoReferralOutcome is not null;
        Assert.True(plan.Referrals.Count > 0 || explicitUniversal, $"{protocol.Id}: no referral on path {path} at {level}");
        Assert.All(plan.Referrals, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.ServiceName));
            Assert.False(string.IsNullOrWhiteSpace(r.Contact));
            Assert.False(string.IsNullOrWhiteSpace(r.Why));
            Assert.False(string.IsNullOrWhiteSpace(r.WhoActsName));
            Assert.DoesNotContain("{", r.Contact + r.ServiceName + r.Why, StringComparison.Ordinal);
        });

        // An emergency always sends someone for help now.
        if (level == ResponseLevel.EmergencyNow)
        {
            Assert.Contains(plan.Referrals, r => r.Urgency == Urgency.Now);
        }
    }
}
