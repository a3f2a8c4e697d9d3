namespace TriageBot.Dialogs.Tests.Conversations;

/// <summary>Help and cancel in the middle of a dialog: help keeps the question open; cancel ends it unless a dialog takes over.</summary>
public sealed class GlobalCommandConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 18, 14, 40, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("help")]
    [InlineData("Help!")]
    [InlineData("?")]
    [InlineData("MENU")]
    public async Task HelpMidPrompt_SaysWhatCanBeTyped_AsksAgain_AndTheNextAnswerGoesToThePrompt(string help)
    {
        var conversation = new TestConversation(IncidentTestBot.Create(TestClock.At(Now)));
        await conversation.Send("start");
        await conversation.Send("yes");
        var stackBefore = conversation.StackIds.ToList();

        await conversation.Send(help);

        conversation.AssertReplies(IncidentTestBot.Texts.HelpDuringDialog, "How many students are involved?");
        Assert.Contains("cancel", conversation.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("call 999 now", conversation.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(stackBefore, conversation.StackIds);

        await conversation.Send("4");
        conversation.AssertReply("When did it start?");
    }

    [Fact]
    public async Task HelpMidConfirm_RepeatsTheQuestionWithItsButtons()
    {
        var conversation = new TestConversation(IncidentTestBot.Create(TestClock.At(Now)));
        await conversation.Send("start");

        await conversation.Send("help");

        Assert.Equal(["Yes", "No"], conversation.Replies[1].Choices!.Select(c => c.Title));
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("Cancel.")]
    [InlineData("STOP")]
    [InlineData("quit")]
    public async Task CancelMidWaterfall_EmptiesTheStack_AndSaysSo(string cancel)
    {
        var conversation = new TestConversation(IncidentTestBot.Create(TestClock.At(Now)));
        await conversation.Send("start");
        await conversation.Send("yes");

        await conversation.Send(cancel);

        conversation.AssertReply("Cancelled. Nothing is running now.");
        Assert.Empty(conversation.State.Stack);
    }

    [Fact]
    public async Task ADialogCanTakeOverCancel_ToAskWhy_AndThePendingPromptIsEnded()
    {
        var conversation = new TestConversation(IncidentTestBot.Create(TestClock.At(Now), IncidentTestBot.AskReasonOnCancel));
        await conversation.Send("hello");
        conversation.AssertReply("What happened?");

        await conversation.Send("cancel");
        conversation.AssertReply("Why are you cancelling?");
        Assert.Equal([IncidentTestBot.AskReasonOnCancel, "text"], conversation.StackIds);

        await conversation.Send("Reported by mistake");
        conversation.AssertReply("Cancelled. Reason recorded: Reported by mistake");
        Assert.Empty(conversation.State.Stack);
    }

    [Fact]
    public async Task CancelWhileAskingWhy_CancelsForReal()
    {
        var conversation = new TestConversation(IncidentTestBot.Create(TestClock.At(Now), IncidentTestBot.AskReasonOnCancel));
        await conversation.Send("hello");
        await conversation.Send("cancel");

        await conversation.Send("cancel");

        conversation.AssertReply("Cancelled. Nothing is running now.");
        Assert.Empty(conversation.State.Stack);
    }

    [Fact]
    public async Task ReplaceDialog_SwapsTheActiveDialog()
    {
        var conversation = new TestConversation(IncidentTestBot.Create(TestClock.At(Now), "replacer"));

        await conversation.Send("hello");

        conversation.AssertReply("What happened?");
        Assert.Equal([IncidentTestBot.AskReasonOnCancel, "text"], conversation.StackIds);

        await conversation.Send("A fall");
        conversation.AssertReply("Noted: A fall");
        Assert.Empty(conversation.State.Stack);
    }

    [Fact]
    public async Task AMessageThatOnlyStartsWithACommandWord_GoesToTheDialog()
    {
        var conversation = new TestConversation(IncidentTestBot.Create(TestClock.At(Now), IncidentTestBot.AskReasonOnCancel));
        await conversation.Send("hello");

        await conversation.Send("stop hitting him, he said");

        conversation.AssertReply("Noted: stop hitting him, he said");
    }
}
