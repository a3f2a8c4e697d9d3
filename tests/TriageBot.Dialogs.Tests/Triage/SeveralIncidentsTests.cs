using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Tests.Conversations;

namespace TriageBot.Dialogs.Tests.Triage;

/// <summary>
/// One message that tells of two incidents: the menu names both, the more urgent first (the school's incident_order),
/// and at the end of the first report the other is offered as a report of its own, linked to the first on the record.
/// </summary>
public sealed class SeveralIncidentsTests
{
    private const string Violence = "Violence, threat or weapon";
    private const string Substance = "Substance use or intoxication";

    [Fact]
    public async Task TwoIncidentsInOneMessage_AreBothNamed_TheMoreUrgentFirst()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("he was drunk and started a fight");
        await conversation.Send("no");

        conversation.AssertReply(reply =>
        {
            Assert.Equal(
                $"Your message tells of more than one thing: {Violence}; {Substance}. Choose what to report first (the more urgent is first). You can report the other straight after.",
                reply.Text);
            Assert.Equal([Violence, Substance], reply.Choices!.Take(2).Select(c => c.Title));
        });
    }

    [Fact]
    public async Task AChildWhoRanAwayFromAbuse_IsReportedMissingFirst()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("he ran away because his dad hits him");
        await conversation.Send("no");

        Assert.Equal(["Missing or absconded student", "Disclosure or signs of abuse or neglect"], conversation.Reply.Choices!.Take(2).Select(c => c.Title));
    }

    [Fact]
    public async Task AtTheEndOfTheFirstReport_TheOtherIsOffered_AndStartsAReportLinkedToTheFirst()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("he was drunk and started a fight");
        var firstIncident = conversation.AllEvents[0].IncidentId;
        await conversation.Send("no");
        await conversation.PressButton(Violence);

        var offer = await AnswerUntilTheEnd(conversation);
        Assert.Equal($"You also told me about: {Substance}. If that is a separate concern, report it now.", offer.Text);
        Assert.Equal($"Summary: {Violence}", conversation.Replies[^2].Title);

        await conversation.PressButton($"Report: {Substance}");

        Assert.Equal($"This sounds like: {Substance}. Is anyone in immediate danger right now?", conversation.Reply.Text);
        var started = conversation.Events.Single(e => e.Type == IncidentEventTypes.Started);
        Assert.NotEqual(firstIncident, started.IncidentId);
        Assert.Equal("also_mentioned", started.Data["how"]!.GetValue<string>());
        Assert.Equal(firstIncident, started.Data["follows"]!.GetValue<string>());
        Assert.Equal("substance-use", conversation.Events.Single(e => e.Type == IncidentEventTypes.TypeChosen).Data["protocol"]!.GetValue<string>());
    }

    [Fact]
    public async Task AfterAReportAboutAMemberOfStaff_NoReportToTheDutyLeadIsOffered()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("Mr Smith touched her");
        await conversation.Send("no");
        await conversation.PressButton("Allegation about a member of staff");

        await AnswerUntilTheEnd(conversation, expectOffer: false);

        Assert.DoesNotContain(conversation.Replies.SelectMany(r => r.Choices ?? []), c => c.Value.StartsWith("also:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("also:no-such-protocol:0123456789abcdef0123456789abcdef")]
    [InlineData("also:")]
    public async Task ATamperedReportButton_StartsNothing(string value)
    {
        var (conversation, _) = TriageTestBot.Create();

        await conversation.Press(value);

        Assert.DoesNotContain(conversation.Events, e => e.Type == IncidentEventTypes.Started);
    }

    [Fact]
    public async Task AReportButtonWithAForgedLink_StartsTheReportWithoutTheLink()
    {
        var (conversation, _) = TriageTestBot.Create();

        await conversation.Press("also:self-harm:../../etc/passwd");

        var started = conversation.Events.Single(e => e.Type == IncidentEventTypes.Started);
        Assert.Null(started.Data["follows"]);
        Assert.Equal("self-harm", conversation.Events.Single(e => e.Type == IncidentEventTypes.TypeChosen).Data["protocol"]!.GetValue<string>());
    }

    /// <summary>
    /// Answers every question with its first button (skipping Emergency and Back; typing a reason where one is asked)
    /// until the report has ended, and returns the last reply (the offer, when one is expected).
    /// </summary>
    private static async Task<Turns.BotReply> AnswerUntilTheEnd(TestConversation conversation, bool expectOffer = true)
    {
        for (var turn = 0; turn < 80; turn++)
        {
            var last = conversation.Replies[^1];
            if (conversation.AllEvents.Any(e => e.Type == IncidentEventTypes.Completed))
            {
                return last;
            }

            var button = last.Choices?.FirstOrDefault(c => c.Value != "command:emergency" && c.Value != "triage:back");
            await (button is null ? conversation.Send("The student was calm when I left them with a colleague.") : conversation.Press(button.Value));
        }

        Assert.Fail(expectOffer ? "the report never ended" : "the staff report never ended");
        return null!;
    }
}
