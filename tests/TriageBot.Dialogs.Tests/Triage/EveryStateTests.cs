using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Tests.Protocols;

namespace TriageBot.Dialogs.Tests.Triage;

/// <summary>Properties that hold at every point a member of staff can reach in a report.</summary>
public sealed class EveryStateTests
{
    [Fact]
    public async Task Emergency_FromEveryReachableState_GivesTheEmergencyInstructionInOneTurn()
    {
        var states = await TriageExplorer.ReachableStatesAsync();
        Assert.True(states.Count > 300, $"only {states.Count} states were reached: the explorer is not walking the protocols");

        foreach (var (conversation, _) in states)
        {
            foreach (var how in new[] { "emergency", "danger", "help now", "button" })
            {
                var fork = conversation.Fork();
                await (how == "button" ? fork.Press("command:emergency") : fork.Send(how));

                Assert.Equal(RepositoryContent.Catalog.EmergencyInstruction, fork.Replies[0].Text);

                // Every emergency asks for the duty lead, except in a report that may concern them (an allegation about staff).
                // (A request made before the type was chosen stays; the lead's card then shows nothing of the allegation.)
                var events = fork.AllEvents.ToList();
                var protocol = System.Text.Json.Nodes.JsonNode.Parse(conversation.StateJson)?["stack"]?.AsArray().LastOrDefault()?["state"]?["triage"]?["protocolId"]?.GetValue<string>();
                var chosen = events.FindLastIndex(e => e.Type == IncidentEventTypes.TypeChosen);
                if (protocol is null || RepositoryContent.Catalog.Protocol(protocol)!.EscalatesToDutyLead)
                {
                    Assert.Contains(events, e => e.Type == IncidentEventTypes.EscalationRequested);
                }
                else
                {
                    Assert.DoesNotContain(events.Skip(chosen), e => e.Type == IncidentEventTypes.EscalationRequested);
                }
                Assert.NotEmpty(fork.State.Stack);
            }
        }
    }

    [Theory]
    [InlineData("uk")]
    [InlineData("us")]
    public async Task NoReplyAnywhere_UsesARiskLabel_OrPromisesConfidentiality(string region)
    {
        var catalog = region == "uk" ? RepositoryContent.Catalog : RepositoryContent.Catalog.ForRegion(region);
        var forbidden = catalog.Region.ForbiddenPhrases.Concat(["secret", "confidential", "won't tell", "will not tell"]).ToList();
        var states = await TriageExplorer.ReachableStatesAsync(region);

        var texts = states.SelectMany(s => s.Replies).SelectMany(r => new[] { r.Text, r.Title ?? string.Empty }
            .Concat(r.Choices?.Select(c => c.Title) ?? [])).Distinct().ToList();
        Assert.True(texts.Count > 100, $"only {texts.Count} distinct texts were seen");
        foreach (var text in texts)
        {
            foreach (var phrase in forbidden)
            {
                Assert.False(text.Contains(phrase, StringComparison.OrdinalIgnoreCase), $"\"{phrase}\" in: {text}");
            }
        }
    }

    [Fact]
    public async Task EveryWaitingPoint_OffersButtons_AndEveryEventBelongsToOneIncident()
    {
        var states = await TriageExplorer.ReachableStatesAsync();

        foreach (var (conversation, replies) in states)
        {
            Assert.NotEmpty(replies);
            Assert.True(replies[^1].HasChoices, $"no buttons on: {replies[^1].Text}");
            Assert.Single(conversation.AllEvents.Select(e => e.IncidentId).Distinct());
        }
    }
}
