using TriageBot.Dialogs.Tests.Protocols;
using TriageBot.Dialogs.Triage;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs.Tests.Conversations;

public sealed class WelcomeConversationTests
{
    private readonly TestConversation _conversation = new(new TriageConversationBot(new WelcomeTexts("999"), RepositoryContent.Catalog, TestClock.At(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero))));

    [Fact]
    public async Task ConversationStarted_GreetsWithTheMenu_AndTheEmergencyNumber()
    {
        await _conversation.Start();

        _conversation.AssertReply(reply =>
        {
            Assert.Equal("TriageBot", reply.Title);
            Assert.Contains("call 999 now", reply.Text, StringComparison.Ordinal);
            Assert.Equal(["Report a concern", "Who is on duty", "Help"], reply.Choices!.Select(c => c.Title));
            Assert.Equal(["report", "duty", "help"], reply.Choices!.Select(c => c.Value));
        });
        Assert.Equal([WelcomeDialog.DialogId, WelcomeDialog.MenuPromptId], _conversation.StackIds);
    }

    [Fact]
    public async Task TheEmergencyNumber_ComesFromTheTexts()
    {
        var conversation = new TestConversation(new TriageConversationBot(new WelcomeTexts("911"), RepositoryContent.Catalog.ForRegion("us"), TimeProvider.System));

        await conversation.Start();

        Assert.Contains("call 911 now", conversation.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("999", conversation.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstMessage_WithNothingRunning_GreetsWithTheMenu()
    {
        await _conversation.Send("hi");

        _conversation.AssertReply(reply =>
        {
            Assert.Equal(new WelcomeTexts().Greeting, reply.Text);
            Assert.True(reply.HasChoices);
        });
    }

    [Fact]
    public async Task ConversationStartedAgain_DoesNotRestartTheMenu()
    {
        await _conversation.Start();

        await _conversation.Start();

        Assert.Empty(_conversation.Replies);
        Assert.Equal(2, _conversation.State.Stack.Count);
    }

    [Theory]
    [InlineData("button")]
    [InlineData("1")]
    [InlineData("1.")]
    [InlineData("report")]
    [InlineData("Report a concern")]
    [InlineData("first")]
    [InlineData("option one")]
    public async Task MenuChoice_ByButtonOrTyped_GivesTheSameAnswer(string how)
    {
        await _conversation.Start();

        await (how == "button" ? _conversation.Press(WelcomeMenu.Report) : _conversation.Send(how));

        _conversation.AssertReply(reply => Assert.Equal("Is anyone in immediate danger right now?", reply.Text));
        Assert.Equal([TriageDialog.DialogId], _conversation.StackIds);
    }

    [Fact]
    public async Task ReportAConcern_AsksAboutImmediateDangerFirst_WithYesAndNoButtons()
    {
        await _conversation.Start();

        await _conversation.Press(WelcomeMenu.Report);

        _conversation.AssertReply(reply =>
        {
            Assert.Equal("Is anyone in immediate danger right now?", reply.Text);
            Assert.Equal(["Yes", "No", "Emergency"], reply.Choices!.Select(c => c.Title));
        });
    }

    [Fact]
    public async Task FirstMessageNamingAMenuItem_IsAnsweredAtOnce()
    {
        await _conversation.Send("who is on duty?");

        Assert.StartsWith("On duty now", _conversation.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnclearAnswerToTheMenu_AsksAgainWithTheEmergencyNumber_AndKeepsWaiting()
    {
        await _conversation.Start();

        await _conversation.Send("what time is assembly");

        _conversation.AssertReply(reply =>
        {
            Assert.Equal("Please choose an option below. If anyone is in immediate danger, call 999 now.", reply.Text);
            Assert.True(reply.HasChoices);
        });
        Assert.Equal(2, _conversation.State.Stack.Count);
    }

    [Fact]
    public async Task Help_ShowsWhatCanBeTyped_AndTheMenuStillAnswers()
    {
        await _conversation.Start();

        await _conversation.Send("Help");
        _conversation.AssertReply(reply =>
        {
            Assert.Contains("help", reply.Text, StringComparison.Ordinal);
            Assert.Contains("cancel", reply.Text, StringComparison.Ordinal);
            Assert.True(reply.HasChoices);
        });
        Assert.Equal([WelcomeDialog.DialogId, WelcomeDialog.MenuPromptId], _conversation.StackIds);

        await _conversation.Press(WelcomeMenu.Duty);
        Assert.Contains("Sam Taylor (designated safeguarding lead)", _conversation.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpButtonInTheMenu_ShowsHelp_AndKeepsWaiting()
    {
        await _conversation.Start();

        await _conversation.Press(WelcomeMenu.Help);

        _conversation.AssertReply(new WelcomeTexts().Help);
        Assert.Equal(2, _conversation.State.Stack.Count);
    }

    [Fact]
    public async Task HelpWithNothingRunning_ShowsTheHelpMenu()
    {
        await _conversation.Send("?");

        _conversation.AssertReply(reply =>
        {
            Assert.Equal(new WelcomeTexts().Help, reply.Text);
            Assert.True(reply.HasChoices);
        });
    }

    [Fact]
    public async Task Cancel_ClearsTheStack_AndSaysSo()
    {
        await _conversation.Start();

        await _conversation.Send("cancel");

        _conversation.AssertReply("Cancelled. Nothing is running now.");
        Assert.Empty(_conversation.State.Stack);
    }

    [Fact]
    public async Task HelpInsideASentence_IsNotTheHelpCommand()
    {
        await _conversation.Start();

        await _conversation.Send("help me, a student is bleeding");

        // A sentence is a report: the first question is about immediate danger; the help command would have shown the help text.
        _conversation.AssertReply(reply => Assert.Equal("Is anyone in immediate danger right now?", reply.Text));
    }

    [Fact]
    public async Task NoReplyEverPromisesConfidentiality()
    {
        var all = new List<string>();
        await _conversation.Start();
        all.AddRange(_conversation.Replies.Select(r => r.Text));
        foreach (var input in new[] { "help", "report", "who is on duty", "cancel", "?", "hi", "the weather" })
        {
            await _conversation.Send(input);
            all.AddRange(_conversation.Replies.Select(r => r.Text));
        }

        Assert.All(all, text =>
        {
            Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("confidential", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("private", text, StringComparison.OrdinalIgnoreCase);
        });
    }
}
