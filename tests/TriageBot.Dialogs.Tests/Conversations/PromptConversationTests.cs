namespace TriageBot.Dialogs.Tests.Conversations;

/// <summary>Each prompt on the runtime: asks, re-asks on an answer it cannot use, and hands the answer to the next waterfall step.</summary>
public sealed class PromptConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 18, 14, 40, 0, TimeSpan.FromHours(1));
    private readonly TestConversation _conversation = new(IncidentTestBot.Create(TestClock.At(Now)));

    [Fact]
    public async Task Waterfall_CollectsAnswersFromEveryPromptKind_AcrossTurns()
    {
        await _conversation.Send("start");
        _conversation.AssertReply(reply =>
        {
            Assert.Equal("Is anyone hurt?", reply.Text);
            Assert.Equal(["Yes", "No"], reply.Choices!.Select(c => c.Title));
        });

        await _conversation.Send("not sure");
        _conversation.AssertReply("Please answer yes or no.");

        await _conversation.Send("nope");
        _conversation.AssertReply("How many students are involved?");

        await _conversation.Send("lots");
        _conversation.AssertReply("Please give a number from 1 to 30.");

        await _conversation.Send("forty");
        _conversation.AssertReply("Please give a number from 1 to 30.");

        await _conversation.Send("three");
        _conversation.AssertReply("When did it start?");

        await _conversation.Send("before lunch");
        _conversation.AssertReply(reply => Assert.StartsWith("Please give a time", reply.Text, StringComparison.Ordinal));

        await _conversation.Send("10 minutes ago");
        _conversation.AssertReply("Where?");

        await _conversation.Press("yard");
        _conversation.AssertReply("Anything else?");

        await _conversation.Send("   ");
        _conversation.AssertReply("Please type your answer.");

        await _conversation.Send("It started over a phone");
        _conversation.AssertReply("hurt=false; count=3; at=2026-06-18T14:30:00.0000000+01:00; where=yard; note=It started over a phone");
        Assert.Empty(_conversation.State.Stack);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public async Task ConfirmPrompt_AcceptsItsButtons(string button)
    {
        await _conversation.Send("start");

        await _conversation.Press(button);

        _conversation.AssertReply("How many students are involved?");
        Assert.Equal(["incident", "number"], _conversation.StackIds);
    }

    [Fact]
    public async Task ConfirmPrompt_RetryKeepsTheYesNoButtons()
    {
        await _conversation.Send("start");

        await _conversation.Send("yes and no");

        _conversation.AssertReply(reply =>
        {
            Assert.Equal("Please answer yes or no.", reply.Text);
            Assert.Equal(["yes", "no"], reply.Choices!.Select(c => c.Value));
        });
        Assert.Equal(["incident", "confirm"], _conversation.StackIds);
    }

    [Fact]
    public async Task NumberPrompt_ValidatorRefusesOutOfRange_ThenAcceptsInRange()
    {
        await GoToNumberQuestion();

        await _conversation.Send("0");
        _conversation.AssertReply("Please give a number from 1 to 30.");

        await _conversation.Send("31");
        _conversation.AssertReply("Please give a number from 1 to 30.");

        await _conversation.Send("30");
        _conversation.AssertReply("When did it start?");
    }

    [Fact]
    public async Task DateTimePrompt_ValidatorRefusesAFutureTime()
    {
        await GoToNumberQuestion();
        await _conversation.Send("2");

        await _conversation.Send("at 3pm");
        _conversation.AssertReply(reply => Assert.StartsWith("Please give a time", reply.Text, StringComparison.Ordinal));

        await _conversation.Send("at 2:15");
        _conversation.AssertReply("Where?");
    }

    [Fact]
    public async Task ChoicePrompt_UnknownButtonOrAnswer_AsksAgainWithTheButtons()
    {
        await GoToWhereQuestion();

        await _conversation.Press("roof");
        _conversation.AssertReply(reply =>
        {
            Assert.Equal("Please choose one of the options.", reply.Text);
            Assert.Equal(["yard", "hall", "back"], reply.Choices!.Select(c => c.Value));
        });

        await _conversation.Send("the canteen");
        _conversation.AssertReply("Please choose one of the options.");

        await _conversation.Send("2");
        _conversation.AssertReply("Anything else?");
    }

    [Fact]
    public async Task ChoicePrompt_AWordThatFitsTwoChoices_NamesThemInsteadOfGuessing()
    {
        await GoToWhereQuestion();

        await _conversation.Send("playground");
        _conversation.AssertReply(reply =>
        {
            Assert.Equal("Did you mean \"Front playground\" or \"Back playground\"? Please choose one.", reply.Text);
            Assert.Equal(3, reply.Choices!.Count);
        });

        await _conversation.Send("front");
        _conversation.AssertReply("Anything else?");
    }

    private async Task GoToNumberQuestion()
    {
        await _conversation.Send("start");
        await _conversation.Send("yes");
    }

    private async Task GoToWhereQuestion()
    {
        await GoToNumberQuestion();
        await _conversation.Send("2");
        await _conversation.Send("just now");
    }
}
