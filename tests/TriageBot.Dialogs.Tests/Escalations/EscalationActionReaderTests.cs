using System.Text.Json.Nodes;
using TriageBot.Dialogs.Escalations;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Tests.Protocols;

namespace TriageBot.Dialogs.Tests.Escalations;

public sealed class EscalationActionReaderTests
{
    [Fact]
    public void ACompleteApproval_IsRead()
    {
        var reading = EscalationActionReader.Read(new JsonObject { ["escalationId"] = "e-1", ["verb"] = "approve" });

        Assert.Null(reading.Problem);
        Assert.Equal(("e-1", EscalationVerb.Approve), (reading.Action!.EscalationId, reading.Action.Verb));
        Assert.Empty(reading.Action.SelectedReferrals);
    }

    [Fact]
    public void TheVerbOfAnActionExecute_WinsOverData()
    {
        var reading = EscalationActionReader.Read(new JsonObject { ["escalationId"] = "e-1", ["verb"] = "approve" }, "take_over");

        Assert.Equal(EscalationVerb.TakeOver, reading.Action!.Verb);
    }

    [Fact]
    public void AChangeOfReferrals_IsRead_WithItsReason()
    {
        var reading = EscalationActionReader.Read(new JsonObject
        {
            ["escalationId"] = "e-1", ["verb"] = "amend_referrals", ["removeReferrals"] = "camhs", ["addReferrals"] = "counsellor, school-nurse, counsellor",
            ["referralsReason"] = " seen weekly by the counsellor ",
        });

        Assert.Null(reading.Problem);
        Assert.Equal(["counsellor", "school-nurse"], reading.Action!.Added);
        Assert.Equal(["camhs"], reading.Action.Removed);
        Assert.Equal("seen weekly by the counsellor", reading.Action.Text);
    }

    [Fact]
    public void ChosenReferrals_AreReadFromTheMultiSelectValue()
    {
        var reading = EscalationActionReader.Read(new JsonObject { ["escalationId"] = "e-1", ["verb"] = "approve_selected", ["referrals"] = "camhs, counsellor" });

        Assert.Equal(["camhs", "counsellor"], reading.Action!.SelectedReferrals);
    }

    [Theory]
    [InlineData("""{"verb":"approve"}""", "'escalationId' is missing")]
    [InlineData("""{"escalationId":"../../etc","verb":"approve"}""", "'escalationId' is missing or not an escalation id")]
    [InlineData("""{"escalationId":"e-1","verb":"delete_everything"}""", "'verb' is missing or unknown")]
    [InlineData("""{"escalationId":"e-1","verb":"decline"}""", "a reason is needed to decline")]
    [InlineData("""{"escalationId":"e-1","verb":"decline","text":"   "}""", "a reason is needed to decline")]
    [InlineData("""{"escalationId":"e-1","verb":"ask"}""", "type the question to ask")]
    [InlineData("""{"escalationId":"e-1","verb":"amend"}""", "'urgency' is needed to amend")]
    [InlineData("""{"escalationId":"e-1","verb":"amend_referrals","referralsReason":"known to CAMHS"}""", "choose a referral to add ('addReferrals') or to remove ('removeReferrals')")]
    [InlineData("""{"escalationId":"e-1","verb":"amend_referrals","addReferrals":"counsellor"}""", "a reason is needed to change the referrals ('referralsReason')")]
    [InlineData("""{"escalationId":"e-1","verb":"amend_referrals","addReferrals":"counsellor,<script>","referralsReason":"x"}""", "a referral id '<script>' is not a service id")]
    [InlineData("""{"escalationId":"e-1","verb":"amend_referrals","addReferrals":"camhs","removeReferrals":"camhs","referralsReason":"x"}""", "'addReferrals' and 'removeReferrals' both name 'camhs'")]
    [InlineData("""{"escalationId":"e-1","verb":"amend","urgency":"yesterday"}""", "'urgency' is 'yesterday'")]
    [InlineData("""{"escalationId":"e-1","verb":"approve_selected"}""", "tick at least one referral")]
    [InlineData("""{"escalationId":7,"verb":"approve"}""", "'escalationId' is missing")]
    public void ATamperedOrIncompleteAction_IsRefused_NamingWhatIsWrong(string json, string problem)
    {
        var reading = EscalationActionReader.Read(JsonNode.Parse(json)!.AsObject());

        Assert.Null(reading.Action);
        Assert.Contains(problem, reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverlongReason_IsRefused_NotCut()
    {
        var reading = EscalationActionReader.Read(new JsonObject { ["escalationId"] = "e-1", ["verb"] = "decline", ["text"] = new string('x', 2001) });

        Assert.Contains("longer than 2000", reading.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResponseLevel.EmergencyNow, "2026-11-27T15:00:00+00:00", "2026-11-27T15:02:00+00:00")]
    [InlineData(ResponseLevel.UrgentSameDay, "2026-11-27T15:00:00+00:00", "2026-11-27T15:10:00+00:00")]
    [InlineData(ResponseLevel.TargetedSupport, "2026-11-27T15:00:00+00:00", "2026-11-30T15:00:00+00:00")]   // Friday -> Monday
    public void Timeouts_CountMinutesForUrgentLevels_AndSchoolDaysOtherwise(ResponseLevel level, string sent, string deadline)
    {
        var at = EscalationTimeouts.Default.DeadlineFor(level, DateTimeOffset.Parse(sent, System.Globalization.CultureInfo.InvariantCulture), RepositoryContent.Catalog.Rota);

        Assert.Equal(DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), at);
    }
}
