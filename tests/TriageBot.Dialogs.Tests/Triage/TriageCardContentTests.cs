using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Tests.Triage;

/// <summary>
/// Which card each reply of a report is drawn with, and its data: the dialogs say what the card is in their own terms
/// (the host binds the template). The card's buttons are exactly the reply's choices, so typed answers, Back and
/// Emergency read the same whether pressed or typed.
/// </summary>
public sealed class TriageCardContentTests
{
    [Fact]
    public async Task AStep_IsAStepCard_WithTheProtocolsName_TheAnswers_AndBack()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");
        await conversation.Send("JB Y9");

        var reply = conversation.Reply;
        var step = Assert.IsType<StepCardContent>(reply.Card);
        Assert.Equal("Suicidal thoughts or talk of suicide", step.Heading);
        Assert.Equal("Stay with the student. Do not leave them alone.", step.Text);
        Assert.Equal(["Done", "Not possible"], step.Answers.Select(a => a.Title));
        Assert.True(step.OffersBack);
        Assert.Null(step.Note);
        Assert.Equal([.. step.Answers.Select(a => a.Value), "triage:back", "command:emergency"], reply.Choices!.Select(c => c.Value));
    }

    [Fact]
    public async Task TheDangerQuestion_OffersNoBack()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");

        var step = Assert.IsType<StepCardContent>(conversation.Reply.Card);
        Assert.False(step.OffersBack);
        Assert.Equal(["danger|yes", "danger|no"], step.Answers.Select(a => a.Value));
    }

    [Fact]
    public async Task AnAnswerNotUnderstood_IsANoteAboveTheSameQuestion()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");
        await conversation.Send("JB Y9");

        await conversation.Send("purple");

        var step = Assert.IsType<StepCardContent>(conversation.Reply.Card);
        Assert.Equal("Please choose one of the options below, or type back, status or emergency.", step.Note);
        Assert.Equal("Stay with the student. Do not leave them alone.", step.Text);
        Assert.Equal($"{step.Note}\n\n{step.Text}", conversation.Reply.Text);
    }

    [Fact]
    public async Task AScreeningQuestion_IsAChecklistCard_NumberedWithItsIntroOnlyFirst()
    {
        var (conversation, _) = TriageTestBot.Create();
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", "JB Y9", "done", "no" })
        {
            await conversation.Send(text);
        }

        var first = Assert.IsType<ChecklistQuestionCardContent>(conversation.Reply.Card);
        Assert.Equal(1, first.QuestionNumber);
        Assert.Equal("In the past few weeks, have you wished you were dead?", first.Question);
        Assert.False(string.IsNullOrEmpty(first.Intro));
        Assert.Equal(["Yes", "No", "Did not want to answer"], first.Answers.Select(a => a.Title));
        Assert.All(first.Answers, a => Assert.StartsWith("checklist:asq:q1|", a.Value, StringComparison.Ordinal));

        await conversation.Send("no");

        // A typed ASQ answer is read back first, on its own line, so a slip is seen at once.
        Assert.Equal("Recorded: No.", conversation.Replies[0].Text);
        var second = Assert.IsType<ChecklistQuestionCardContent>(conversation.Replies[^1].Card);
        Assert.Equal(2, second.QuestionNumber);
        Assert.Null(second.Intro);
        Assert.Equal(second.Question, conversation.Replies[^1].Text);
    }

    [Fact]
    public async Task Status_IsAStatusCard_SayingWhereTheReportIs()
    {
        var (conversation, _) = TriageTestBot.Create();
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", "JB Y9", "done", "no", "no" })
        {
            await conversation.Send(text);
        }

        await conversation.Send("status");

        var status = Assert.IsType<StaffStatusCardContent>(conversation.Replies[0].Card);
        Assert.Equal("Your open report", conversation.Replies[0].Title);
        Assert.Equal("Suicidal thoughts or talk of suicide", status.IncidentType);
        Assert.Equal("09:00", status.StartedAt);
        Assert.Equal("Ask Suicide-Screening Questions (ASQ), question 2", status.CurrentStep);
        Assert.Null(status.LevelSoFar);
        Assert.False(status.LeadAsked);
        Assert.Empty(status.OpenItems);
        Assert.IsType<ChecklistQuestionCardContent>(conversation.Replies[^1].Card);
    }

    [Fact]
    public async Task TheEnd_IsASummaryCard_WithoutTheStudent()
    {
        var (conversation, _) = TriageTestBot.Create();
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", "JB Y9", "done", "no", "yes", "no", "no", "no" })
        {
            await conversation.Send(text);
        }

        await conversation.PressButton("Yes");
        foreach (var text in new[] { "done", "done" })
        {
            await conversation.Send(text);
        }

        await conversation.PressButton("Yes or maybe. Do not contact home; the duty lead decides");
        foreach (var text in new[] { "dad's temper", "done", "done" })
        {
            await conversation.Send(text);
        }

        var reply = conversation.Replies.Single(r => r.Card is IncidentSummaryCardContent);
        var summary = (IncidentSummaryCardContent)reply.Card!;
        Assert.Equal("Suicidal thoughts or talk of suicide", summary.IncidentType);
        Assert.Equal("Emergency now", summary.LevelName);
        Assert.True(summary.IsEmergency);
        Assert.Equal("Mon 23 Nov, 09:00", summary.ReportedAt);
        Assert.Contains(summary.Referrals, r => r.Service == "Emergency services" && r.Urgency == "now");
        Assert.Null(summary.NoReferralOutcome);
        Assert.Empty(summary.OpenItems);
        Assert.DoesNotContain("JB Y9", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("JB Y9", string.Join(" ", summary.Done.Concat(summary.OpenItems)), StringComparison.Ordinal);
    }
}
