using TriageBot.Dialogs.Incidents;

namespace TriageBot.Dialogs.Tests.Triage;

/// <summary>"Is anyone in immediate danger right now?" is asked once: protocol questions it answers are not asked again.</summary>
public sealed class DangerAskedOnceTests
{
    [Fact]
    public async Task YesToDanger_AnswersTheProtocolsOwnDangerQuestion_WithoutAskingIt()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a student says a teacher hit her");

        await conversation.Send("yes");
        await conversation.Send("RB Y11");

        Assert.DoesNotContain(conversation.Replies, r => r.Text.Contains("Is the student hurt?", StringComparison.Ordinal));
        Assert.StartsWith("Call 999 if anyone needs emergency help.", conversation.Replies[^1].Text, StringComparison.Ordinal);
        var fromDanger = Assert.Single(conversation.AllEvents, e => e.Type == IncidentEventTypes.QuestionAnswered);
        Assert.Equal("danger", fromDanger.Data["step"]!.GetValue<string>());
        Assert.Equal("yes", fromDanger.Data["answer"]!.GetValue<string>());
        Assert.Equal("danger_question", fromDanger.Data["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoToDanger_StillAsksWhatItDoesNotCover()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("a student says a teacher hit her");
        await conversation.Send("no");
        await conversation.Send("RB Y11");

        Assert.Equal("Is the student hurt?", conversation.Replies[^1].Text);
    }

    [Theory]
    [InlineData("no", "no")]
    [InlineData("yes", "yes")]
    public async Task ADysregulationReport_NeverAsksAboutSomeoneBeingHurtAgain(string danger, string recorded)
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("he is throwing chairs and lashing out");
        await conversation.Send(danger);
        await conversation.Send("AB Y8");

        Assert.DoesNotContain(conversation.AllEvents.Where(e => e.Type == IncidentEventTypes.QuestionAnswered), e => e.Data["by"] is null);
        var fromDanger = Assert.Single(conversation.AllEvents, e => e.Type == IncidentEventTypes.QuestionAnswered);
        Assert.Equal(recorded, fromDanger.Data["answer"]!.GetValue<string>());
        Assert.DoesNotContain(conversation.Replies, r => r.Text.Contains("Is anyone being hurt, or about to be hurt, right now?", StringComparison.Ordinal));
    }
}
