using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs.Tests.Conversations;

public sealed class WelcomeConversationTests
{
    private readonly TestConversation _conversation = new(new TriageConversationBot(new WelcomeTexts("999"), TimeProvider.System));

    [Fact]
    public async Task ConversationStarted_GreetsWithTheMenu_AndTheEmergencyNumber()
    {
        await _conversation.Start();

        Assert.Contains("call 999 now", _conversation.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(["Report a concern", "Who is on duty", "Help"], _conversation.Reply.Choices!.Select(c => c.Title));
        Assert.Equal([WelcomeDialog.DialogId, WelcomeDialog.MenuPromptId], _conversation.State.Stack.Select(d => d.Id));
    }

    [Theory]
    [InlineData("button")]
    [InlineData("1")]
    [InlineData("report")]
    [InlineData("Report a concern")]
    [InlineData("first")]
    public async Task MenuChoice_ByButtonOrTyped_GivesTheSameAnswer(string how)
    {
        await _conversation.Start();

        await (how == "button" ? _conversation.Press(WelcomeMenu.Report) : _conversation.Send(how));

        Assert.Contains("Tell your designated safeguarding lead directly", _conversation.Reply.Text, StringComparison.Ordinal);
        Assert.Empty(_conversation.State.Stack);
    }

    [Fact]
    public async Task FirstMessageNamingAMenuItem_IsAnsweredAtOnce()
    {
        await _conversation.Send("who is on duty?");

        Assert.Contains("duty rota", _conversation.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnclearAnswerToTheMenu_AsksAgain_AndKeepsWaiting()
    {
        await _conversation.Start();

        await _conversation.Send("the weather");

        Assert.StartsWith("Please choose an option", _conversation.Reply.Text, StringComparison.Ordinal);
        Assert.True(_conversation.Reply.HasChoices);
        Assert.Equal(2, _conversation.State.Stack.Count);
    }

    [Fact]
    public async Task Help_ShowsWhatCanBeTyped_AndTheMenuStillAnswers()
    {
        await _conversation.Start();

        await _conversation.Send("Help");
        Assert.Contains("cancel", _conversation.Reply.Text, StringComparison.Ordinal);
        Assert.True(_conversation.Reply.HasChoices);

        await _conversation.Press(WelcomeMenu.Duty);
        Assert.Contains("duty rota", _conversation.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ClearsTheStack_AndSaysSo()
    {
        await _conversation.Start();

        await _conversation.Send("cancel");

        Assert.StartsWith("Cancelled.", _conversation.Reply.Text, StringComparison.Ordinal);
        Assert.Empty(_conversation.State.Stack);
    }

    [Fact]
    public async Task HelpInsideASentence_IsNotTheHelpCommand()
    {
        await _conversation.Start();

        await _conversation.Send("help me, a student is bleeding");

        // The menu prompt treats it as an answer it does not understand; the help command would have restarted the menu.
        Assert.StartsWith("Please choose an option", _conversation.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoReplyEverPromisesConfidentiality()
    {
        var all = new List<string>();
        await _conversation.Start();
        all.AddRange(_conversation.Replies.Select(r => r.Text));
        foreach (var input in new[] { "help", "report", "who is on duty", "cancel", "?" })
        {
            await _conversation.Send(input);
            all.AddRange(_conversation.Replies.Select(r => r.Text));
        }

        Assert.All(all, text =>
        {
            Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("confidential", text, StringComparison.OrdinalIgnoreCase);
        });
    }
}
