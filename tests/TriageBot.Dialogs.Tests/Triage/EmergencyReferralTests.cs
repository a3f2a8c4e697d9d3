using TriageBot.Dialogs.Tests.Conversations;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Tests.Triage;

/// <summary>An emergency typed at any point of a report puts the emergency services in its summary's referrals.</summary>
public sealed class EmergencyReferralTests
{
    [Fact]
    public async Task EmergencyTypedMidReport_TheSummaryRefersToTheEmergencyServicesFirst()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("year 7 boy is having a panic attack in the corridor");
        await conversation.Send("no");
        await conversation.Send("AB Y7");

        await conversation.Send("emergency");

        var summary = await AnswerFirstChoiceUntilTheSummary(conversation);
        Assert.Equal("Emergency services", summary.Referrals[0].Service);
        Assert.Equal("now", summary.Referrals[0].Urgency);
        Assert.Contains("Immediate danger was reported during this report.", summary.Referrals[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameReportWithoutAnEmergency_HasNoEmergencyReferral()
    {
        var (conversation, _) = TriageTestBot.Create();
        await conversation.Send("year 7 boy is having a panic attack in the corridor");
        await conversation.Send("no");
        await conversation.Send("AB Y7");

        var summary = await AnswerFirstChoiceUntilTheSummary(conversation);
        Assert.DoesNotContain(summary.Referrals, r => r.Service == "Emergency services");
    }

    /// <summary>Presses a "No..." answer where there is one, else the first (a few words where a reason is asked), until the summary.</summary>
    private static async Task<IncidentSummaryCardContent> AnswerFirstChoiceUntilTheSummary(TestConversation conversation)
    {
        for (var turn = 0; turn < 40; turn++)
        {
            if (conversation.Replies.Select(r => r.Card).OfType<IncidentSummaryCardContent>().FirstOrDefault() is { } summary)
            {
                return summary;
            }

            var choices = conversation.Replies[^1].Choices?.Where(c => c.Title is not ("Back" or "Emergency")).ToList() ?? [];
            var answer = choices.FirstOrDefault(c => c.Title.StartsWith("No", StringComparison.Ordinal)) ?? choices.FirstOrDefault();
            if (answer is null)
            {
                await conversation.Send("the student asked for it");
            }
            else
            {
                await conversation.Press(answer.Value);
            }
        }

        throw new InvalidOperationException("The report did not reach its summary in 40 turns.");
    }
}
