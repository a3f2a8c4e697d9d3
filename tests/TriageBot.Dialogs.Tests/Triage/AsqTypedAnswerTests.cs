using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Tests.Conversations;

namespace TriageBot.Dialogs.Tests.Triage;

/// <summary>
/// A typed ASQ answer is taken only when it is yes, no or "did not want to answer" word for word: a sentence such as
/// "she never wants to wake up" read as "no" would be a false-negative screen (issue 16).
/// </summary>
public sealed class AsqTypedAnswerTests
{
    private const string Q1 = "In the past few weeks, have you wished you were dead?";
    private const string Q2 = "In the past few weeks, have you felt that you or your family would be better off if you were dead?";

    [Theory]
    [InlineData("she never wants to wake up")]
    [InlineData("she wishes she was never born")]
    [InlineData("he said he does not care if he dies")]
    [InlineData("not really")]
    [InlineData("yeah")]
    [InlineData("nope")]
    [InlineData("no, but she said she wants to disappear")]
    public async Task ASentence_IsNotAnAnswer_TheQuestionIsAskedAgain_AndTheWordsAreKept(string typed)
    {
        var conversation = await AtTheFirstAsqQuestion();

        await conversation.Send(typed);

        var reply = conversation.Reply;
        Assert.StartsWith("Please press a button, or type exactly yes, no or did not want to answer.", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith(Q1, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(conversation.Events, e => e.Type == IncidentEventTypes.ChecklistAnswered);
        var kept = Assert.Single(conversation.Events, e => e.Type == IncidentEventTypes.ChecklistWordsTyped);
        Assert.Equal("q1", kept.Data["question"]!.GetValue<string>());
        Assert.Equal(typed, kept.Personal!["typed"]!.GetValue<string>());
        Assert.DoesNotContain(typed, kept.Data.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no", "no", "No")]
    [InlineData("No.", "no", "No")]
    [InlineData("YES", "yes", "Yes")]
    [InlineData("did not want to answer", "declined", "Did not want to answer")]
    public async Task TheExactWords_AreTheAnswer_ReadBack_AndKept(string typed, string answerId, string label)
    {
        var conversation = await AtTheFirstAsqQuestion();

        await conversation.Send(typed);

        Assert.Equal($"Recorded: {label}.", conversation.Replies[0].Text);
        Assert.Equal(Q2, conversation.Replies[^1].Text);
        var answered = Assert.Single(conversation.Events, e => e.Type == IncidentEventTypes.ChecklistAnswered);
        Assert.Equal(answerId, answered.Data["answer"]!.GetValue<string>());
        Assert.True(answered.Data["typed"]!.GetValue<bool>());
        Assert.Equal(typed, answered.Personal!["typed"]!.GetValue<string>());
    }

    [Fact]
    public async Task APressedButton_IsTheAnswer_WithNothingReadBack()
    {
        var conversation = await AtTheFirstAsqQuestion();

        await conversation.PressButton("No");

        Assert.Equal(Q2, conversation.Reply.Text);
        var answered = Assert.Single(conversation.Events, e => e.Type == IncidentEventTypes.ChecklistAnswered);
        Assert.Null(answered.Personal);
    }

    [Fact]
    public async Task AskedAgain_ThenAnsweredExactly_TheSentenceAndTheAnswerAreBothOnTheRecord()
    {
        var conversation = await AtTheFirstAsqQuestion();

        await conversation.Send("she never wants to wake up");
        await conversation.Send("yes");

        Assert.Equal("Recorded: Yes.", conversation.Replies[0].Text);
        var events = conversation.AllEvents.Where(e => e.Type is IncidentEventTypes.ChecklistWordsTyped or IncidentEventTypes.ChecklistAnswered).Select(e => e.Type);
        Assert.Equal([IncidentEventTypes.ChecklistWordsTyped, IncidentEventTypes.ChecklistAnswered], events);
    }

    [Fact]
    public async Task YesToQuestion4_AsksHowAndWhen_KeepingTheWordsEncrypted_ThenQuestion5()
    {
        var conversation = await AtTheFirstAsqQuestion();
        foreach (var answer in new[] { "No", "No", "No" })
        {
            await conversation.PressButton(answer);
        }

        await conversation.PressButton("Yes");
        Assert.Equal("If yes, how?", conversation.Reply.Text);
        Assert.Equal(["The student did not say", "Back", "Emergency"], conversation.Reply.Choices!.Select(c => c.Title));

        await conversation.Send("took tablets");
        Assert.Equal("When?", conversation.Reply.Text);
        var how = Assert.Single(conversation.Events, e => e.Type == IncidentEventTypes.ChecklistFollowUpAnswered);
        Assert.Equal("how", how.Data["followUp"]!.GetValue<string>());
        Assert.Equal("took tablets", how.Personal!["text"]!.GetValue<string>());
        Assert.DoesNotContain("tablets", how.Data.ToJsonString(), StringComparison.Ordinal);

        await conversation.PressButton("The student did not say");
        Assert.Equal("Are you having thoughts of killing yourself right now?", conversation.Reply.Text);
        var when = Assert.Single(conversation.Events, e => e.Type == IncidentEventTypes.ChecklistFollowUpAnswered);
        Assert.True(when.Data["skipped"]!.GetValue<bool>());
        Assert.Null(when.Personal);
    }

    [Fact]
    public async Task AFollowUpAnswer_ThatContainsAWordOfTheButton_IsKeptAsTyped()
    {
        var conversation = await AtTheFirstAsqQuestion();
        foreach (var answer in new[] { "No", "No", "No", "Yes" })
        {
            await conversation.PressButton(answer);
        }

        await conversation.Send("student said pills");

        var how = Assert.Single(conversation.Events, e => e.Type == IncidentEventTypes.ChecklistFollowUpAnswered);
        Assert.Null(how.Data["skipped"]);
        Assert.Equal("student said pills", how.Personal!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoToQuestion5_AsksNothingMore_AndYesAsksForADescription_AfterTheResult()
    {
        var conversation = await AtTheFirstAsqQuestion();
        foreach (var answer in new[] { "Yes", "No", "No", "No" })
        {
            await conversation.PressButton(answer);
        }

        await conversation.PressButton("No");
        Assert.DoesNotContain(conversation.Replies, r => r.Text.Contains("please describe", StringComparison.Ordinal));
        Assert.StartsWith("Ask Suicide-Screening Questions (ASQ): Non-acute positive screen", conversation.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAcutePositive_ActsFirst_TheDescriptionPromptIsNotAsked_AndThatIsOnTheRecord()
    {
        var conversation = await AtTheFirstAsqQuestion();
        foreach (var answer in new[] { "Yes", "No", "No", "No" })
        {
            await conversation.PressButton(answer);
        }

        await conversation.PressButton("Yes");

        Assert.StartsWith("Ask Suicide-Screening Questions (ASQ): Acute positive screen", conversation.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("Call 999 now. Keep the student in sight. Remove anything they could harm themselves with, if it is safe.", conversation.Replies[^1].Text);
        var notAsked = Assert.Single(conversation.Events, e => e.Type == IncidentEventTypes.ChecklistFollowUpAnswered);
        Assert.Equal("emergency_first", notAsked.Data["notAsked"]!.GetValue<string>());
    }

    private static async Task<TestConversation> AtTheFirstAsqQuestion()
    {
        var (conversation, _) = TriageTestBot.Create();
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", "JB Y9", "done", "no" })
        {
            await conversation.Send(text);
        }

        Assert.Contains(Q1, conversation.Replies[^1].Text, StringComparison.Ordinal);
        return conversation;
    }
}
