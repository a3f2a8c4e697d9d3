using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Triage;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Tests.Triage;

public sealed class TriageConversationTests
{
    private const string Emergency = "Call 999 now. Stay with the student. Give first aid if you are trained. Send another adult to fetch the designated safeguarding lead (DSL).";

    [Fact]
    public async Task ADescribedIncident_IsRecognised_AndTheFirstQuestionIsImmediateDanger()
    {
        var (conversation, _) = TriageTestBot.Create();

        await conversation.Send("a year 9 girl told me she wants to die");

        conversation.AssertReply(reply =>
        {
            Assert.Equal("This sounds like: Suicidal thoughts or talk of suicide. Is anyone in immediate danger right now?", reply.Text);
            Assert.Equal(["Yes", "No", "Emergency"], reply.Choices!.Select(c => c.Title));
        });
        Assert.Equal([IncidentEventTypes.Started, IncidentEventTypes.TypeChosen], conversation.Events.Select(e => e.Type));
        var started = conversation.Events[0];
        Assert.Equal("a year 9 girl told me she wants to die", started.Personal!["description"]!.GetValue<string>());
        Assert.Equal("suicidal-thoughts", conversation.Events[1].Data["protocol"]!.GetValue<string>());
    }

    [Fact]
    public async Task YesToDanger_GivesTheEmergencyInstructionFirst_AndAsksForTheDutyLead_InTheSameTurn()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("fight in the yard, one has a knife");

        await conversation.Send("yes");

        Assert.Equal(Emergency, conversation.Replies[0].Text);
        Assert.StartsWith("I am sending this report to Sam Taylor (designated safeguarding lead), on duty now. Do not wait for a reply here", conversation.Replies[1].Text, StringComparison.Ordinal);
        Assert.Contains(IncidentEventTypes.EscalationRequested, conversation.Events.Select(e => e.Type));
        var escalation = conversation.Events.Single(e => e.Type == IncidentEventTypes.EscalationRequested);
        Assert.Equal("emergency_now", escalation.Data["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnclearDescription_AsksDanger_ThenShowsTheMenuWithTheLikelyTypesFirst()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("she doesn't want to die, she is just tired of school");
        Assert.Equal("Is anyone in immediate danger right now?", conversation.Reply.Text);

        await conversation.Send("no");

        conversation.AssertReply(reply =>
        {
            Assert.Equal("It may be one of these. Choose the closest.", reply.Text);
            var titles = reply.Choices!.Select(c => c.Title).ToList();
            Assert.Equal("Suicidal thoughts or talk of suicide", titles[0]);
            Assert.Equal(11, titles.Count); // ten incident types and the Emergency button
        });
    }

    [Fact]
    public async Task AWholeSuicideReport_WithAnAcutePositiveAsq_EndsWithEmergencyNowAndItsReferrals()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");
        Assert.Contains("Do not promise secrecy", conversation.Transcript(), StringComparison.Ordinal);
        Assert.StartsWith("Which student?", conversation.Replies[^1].Text, StringComparison.Ordinal);

        await conversation.Send("JB Y9");
        Assert.Equal("Stay with the student. Do not leave them alone.", conversation.Reply.Text);
        Assert.Equal(["Done", "Not possible", "Back", "Emergency"], conversation.Reply.Choices!.Select(c => c.Title));

        await conversation.Send("done");
        await conversation.Send("no");
        Assert.Contains("In the past few weeks, have you wished you were dead?", conversation.Reply.Text, StringComparison.Ordinal);

        await conversation.Send("yes");                 // q1
        await conversation.Send("no");                  // q2
        await conversation.Send("no");                  // q3
        await conversation.Send("no");                  // q4
        Assert.Equal(["Recorded: No.", "Are you having thoughts of killing yourself right now?"], conversation.Replies.Select(r => r.Text));
        await conversation.PressButton("Yes");          // q5: acute positive

        // The lead is asked the moment the screen is acute, not when the protocol ends.
        var escalation = conversation.Events.Single(e => e.Type == IncidentEventTypes.EscalationRequested);
        Assert.Equal("emergency_now", escalation.Data["level"]!.GetValue<string>());
        Assert.Contains("I am sending this report to Sam Taylor", conversation.Transcript(), StringComparison.Ordinal);

        Assert.StartsWith("Ask Suicide-Screening Questions (ASQ): Acute positive screen (imminent risk identified).", conversation.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("Call 999 now. Keep the student in sight. Remove anything they could harm themselves with, if it is safe.", conversation.Replies[^1].Text);

        await conversation.Send("done");                // emergency
        await conversation.Send("done");                // fetch-lead
        await conversation.PressButton("Yes or maybe. Do not contact home; the duty lead decides");
        Assert.Equal("Why? Write your reasoning in a few words. It goes on the record either way.", conversation.Reply.Text);
        await conversation.Send("dad's temper, she is scared of him");
        await conversation.Send("done");                // record
        await conversation.Send("done");                // helplines

        var summaryReply = conversation.Replies.Single(r => r.Card is IncidentSummaryCardContent);
        Assert.Equal("Summary: Suicidal thoughts or talk of suicide", summaryReply.Title);
        var summary = summaryReply.Text;
        Assert.Contains("**Summary: Suicidal thoughts or talk of suicide**", summary, StringComparison.Ordinal);
        Assert.Contains("Response level: Emergency now.", summary, StringComparison.Ordinal);
        Assert.Contains("- emergency services", summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nothing is left open.", summary, StringComparison.Ordinal);
        Assert.Empty(conversation.State.Stack);

        var assessed = conversation.AllEvents.Single(e => e.Type == IncidentEventTypes.Assessed);
        Assert.Equal("emergency_now", assessed.Data["level"]!.GetValue<string>());
        Assert.Equal(IncidentEventTypes.Completed, conversation.AllEvents[^1].Type);
        Assert.Single(conversation.AllEvents.Select(e => e.IncidentId).Distinct());
        var reason = conversation.AllEvents.Single(e => e.Type == IncidentEventTypes.ReasonGiven);
        Assert.Equal("dad's temper, she is scared of him", reason.Personal!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task WhatStaffTypeAboutTheStudent_NeverGoesIntoTheConversationState()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");
        await conversation.Send("QX Y9");
        await conversation.PressButton("Not possible");
        await conversation.Send("she ran off towards the canal");

        Assert.DoesNotContain("canal", conversation.StateJson, StringComparison.Ordinal);
        Assert.DoesNotContain("QX", conversation.StateJson, StringComparison.Ordinal);
        Assert.DoesNotContain("year 9 girl", conversation.StateJson, StringComparison.Ordinal);
        Assert.Contains(conversation.AllEvents, e => e.Personal?["reason"]?.GetValue<string>() == "she ran off towards the canal");
    }

    [Theory]
    [InlineData("Jane Smith")]
    [InlineData("jane smith y9")]
    [InlineData("sam y9")]
    public async Task AFullName_IsRefused_AndTheQuestionStays(string typed)
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");

        await conversation.Send(typed);

        Assert.StartsWith("Please do not type a name.", conversation.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(conversation.AllEvents, e => e.Type == IncidentEventTypes.StudentReference);
    }

    [Fact]
    public async Task TheStudentReference_CanBeSkipped_AndTheSummaryListsItAsOpen()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a student is having a panic attack");
        await conversation.Send("no");

        await conversation.PressButton("Skip for now");

        Assert.StartsWith("Skipped.", conversation.Replies[0].Text, StringComparison.Ordinal);
        var reference = conversation.Events.Single(e => e.Type == IncidentEventTypes.StudentReference);
        Assert.False(reference.Data["given"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Back_AsksThePreviousStepAgain_AndRecordsIt()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");
        await conversation.Send("JB Y9");
        await conversation.Send("done");
        Assert.StartsWith("Does the student have", conversation.Reply.Text, StringComparison.Ordinal);

        await conversation.PressButton("Back");

        Assert.Equal("Stay with the student. Do not leave them alone.", conversation.Reply.Text);
        Assert.Equal(IncidentEventTypes.WentBack, conversation.Events.Single().Type);

        await conversation.Send("back");
        Assert.StartsWith("Which student?", conversation.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_AsksWhy_AndRecordsTheReportAsCancelledWithTheReason()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");

        await conversation.Send("cancel");
        Assert.StartsWith("Why are you cancelling this report?", conversation.Reply.Text, StringComparison.Ordinal);
        Assert.Equal([TriageDialog.DialogId], conversation.StackIds);

        await conversation.Send("started it by mistake");

        conversation.AssertReply("Report cancelled. It stays on the record as cancelled, with your reason.");
        var cancelled = conversation.Events.Single(e => e.Type == IncidentEventTypes.Cancelled);
        Assert.Equal("started it by mistake", cancelled.Personal!["reason"]!.GetValue<string>());
        Assert.Empty(conversation.State.Stack);
    }

    [Fact]
    public async Task CancelTwice_StillRecordsTheReportAsCancelled()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("cancel");

        await conversation.Send("cancel");

        Assert.Equal("Report cancelled. It stays on the record as cancelled, without a reason.", conversation.Replies[0].Text);
        Assert.Single(conversation.Events, e => e.Type == IncidentEventTypes.Cancelled);
        Assert.Empty(conversation.State.Stack);
    }

    [Fact]
    public async Task KeepingTheReportOpen_FromTheCancelQuestion_GoesBackToWhereItWas()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");
        await conversation.Send("cancel");

        await conversation.PressButton("Keep the report open");

        Assert.StartsWith("Which student?", conversation.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(conversation.AllEvents, e => e.Type == IncidentEventTypes.Cancelled);
    }

    [Fact]
    public async Task Status_SaysWhereTheReportStands_ThenAsksTheSameQuestion()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("yes");
        await conversation.Send("JB Y9");

        await conversation.Send("status");

        Assert.Equal(2, conversation.Replies.Count);
        Assert.Contains("Open report: Suicidal thoughts or talk of suicide, started 09:00.", conversation.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Response level so far: Emergency now.", conversation.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("has been asked for", conversation.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("Stay with the student. Do not leave them alone.", conversation.Replies[1].Text);
    }

    [Fact]
    public async Task ComingBackHoursLater_OffersTheOpenReportWhereItWasLeft()
    {
        var (conversation, clock) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");
        await conversation.Send("JB Y9");
        clock.Advance(TimeSpan.FromHours(3));

        await conversation.Send("hi");

        conversation.AssertReply(reply =>
        {
            Assert.Equal("Welcome back. Your report (Suicidal thoughts or talk of suicide) from Mon 09:00 is still open. Carry on where you left off?", reply.Text);
            Assert.Equal(["Carry on", "Cancel the report", "Emergency"], reply.Choices!.Select(c => c.Title));
        });

        await conversation.PressButton("Carry on");

        Assert.Equal("Stay with the student. Do not leave them alone.", conversation.Reply.Text);
        Assert.Equal(IncidentEventTypes.Resumed, conversation.Events.Single().Type);
    }

    [Fact]
    public async Task ABUttonFromAnEarlierCard_IsNotTakenAsTheAnswerToTheCurrentQuestion()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a year 9 girl told me she wants to die");
        await conversation.Send("no");
        await conversation.Send("JB Y9");
        var staleDone = conversation.Button("Done");
        await conversation.Press(staleDone);
        Assert.StartsWith("Does the student have", conversation.Reply.Text, StringComparison.Ordinal);

        await conversation.Press(staleDone);

        Assert.StartsWith("That button was for an earlier question.", conversation.Reply.Text, StringComparison.Ordinal);
        Assert.Empty(conversation.Events);
    }

    [Theory]
    [InlineData("10 minutes ago", "under_15_minutes")]
    [InlineData("half an hour ago", "15_to_60_minutes")]
    [InlineData("2 hours ago", "over_an_hour")]
    [InlineData("don't know", "not_known")]
    public async Task ATypedTime_PicksTheAnswerThatCoversIt(string typed, string expected)
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a student is missing");
        await conversation.Send("no");
        await conversation.PressButton("Skip for now");
        while (!conversation.Replies[^1].Text.Contains("When was the student last seen?", StringComparison.Ordinal))
        {
            await conversation.PressButton(conversation.Replies[^1].Choices![0].Title);
        }

        await conversation.Send(typed);

        var answered = conversation.Events.Single(e => e.Type == IncidentEventTypes.ChecklistAnswered);
        Assert.Equal(expected, answered.Data["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATimeTheBotCannotRead_IsAskedAgain_NeverGuessed()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a student is missing");
        await conversation.Send("no");
        await conversation.PressButton("Skip for now");
        while (!conversation.Replies[^1].Text.Contains("When was the student last seen?", StringComparison.Ordinal))
        {
            await conversation.PressButton(conversation.Replies[^1].Choices![0].Title);
        }

        await conversation.Send("before lunch");

        Assert.Contains("When was the student last seen?", conversation.Reply.Text, StringComparison.Ordinal);
        Assert.Empty(conversation.Events);
    }

    [Fact]
    public async Task AskingForTheDutyLead_MidReport_RecordsAnEscalation_AndAsksTheSameQuestionAgain()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a student is having a panic attack");
        await conversation.Send("no");
        await conversation.Send("JB Y9");
        var question = conversation.Replies[^1].Text;

        await conversation.Send("get the DSL");

        var escalation = conversation.Events.Single(e => e.Type == IncidentEventTypes.EscalationRequested);
        Assert.Equal("staff_asked", escalation.Data["reason"]!.GetValue<string>());
        Assert.Equal("urgent_same_day", escalation.Data["level"]!.GetValue<string>());
        Assert.Equal(question, conversation.Replies[^1].Text);

        await conversation.Send("escalate");
        Assert.StartsWith("The designated safeguarding lead (DSL) has already been asked for.", conversation.Replies[0].Text, StringComparison.Ordinal);
        Assert.Empty(conversation.Events);
    }

    [Fact]
    public async Task AnAllegationAboutStaff_IsNeverSentToTheDutyLead_EvenInAnEmergency()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a student says a teacher hit her");

        await conversation.Send("yes");

        Assert.Equal(RepositoryContentEmergency, conversation.Replies[0].Text);
        Assert.Contains("This report is not sent to the designated safeguarding lead (DSL), because it may concern a member of staff.", conversation.Transcript(), StringComparison.Ordinal);
        Assert.DoesNotContain(conversation.AllEvents, e => e.Type == IncidentEventTypes.EscalationRequested);

        await conversation.Send("get the DSL");
        Assert.DoesNotContain(conversation.AllEvents, e => e.Type == IncidentEventTypes.EscalationRequested);
    }

    [Fact]
    public async Task ADescriptionThatNamesNoType_StillStartsAReport_AndKeepsTheWords()
    {
        var (conversation, _) = TriageTestBot.Create();

        await conversation.Send("a student drank vodka at lunch and we cannot wake him up");

        Assert.Equal("Is anyone in immediate danger right now?", conversation.Reply.Text);
        await conversation.Send("yes");
        Assert.Equal(RepositoryContentEmergency, conversation.Replies[0].Text);
        Assert.Equal("What is happening? Choose the closest.", conversation.Replies[^1].Text);

        var (other, _) = TriageTestBot.Create();
        await other.Send("there is something wrong with a boy in my class");
        Assert.Equal("Is anyone in immediate danger right now?", other.Reply.Text);
        Assert.Equal("there is something wrong with a boy in my class", other.Events[0].Personal!["description"]!.GetValue<string>());
    }

    private static string RepositoryContentEmergency => Protocols.RepositoryContent.Catalog.EmergencyInstruction;
}
