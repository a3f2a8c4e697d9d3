using TriageBot.Dialogs.Rota;
using TriageBot.Dialogs.Tests.Protocols;

namespace TriageBot.Dialogs.Tests.Rota;

/// <summary>Who is on duty, read from the shipped rota.yaml (Europe/London; Mon/Wed/Fri Sam, Tue/Thu Alex).</summary>
public sealed class DutyResolverTests
{
    private static DutyRota Rota => RepositoryContent.Catalog.Rota;

    [Theory]
    [InlineData("2026-11-23T09:00:00Z", "Sam Taylor", true)]       // Monday in term
    [InlineData("2026-11-24T16:59:00Z", "Alex Morgan", true)]      // Tuesday, a minute before the day ends
    [InlineData("2026-11-24T17:00:00Z", "Sam Taylor", false)]      // Tuesday 17:00: out of hours
    [InlineData("2026-11-22T12:00:00Z", "Sam Taylor", false)]      // Sunday
    [InlineData("2026-10-27T10:00:00Z", "Sam Taylor", false)]      // Tuesday of half term (09:00 UTC is 10:00 BST... closure anyway)
    [InlineData("2026-12-22T10:00:00Z", "Sam Taylor", false)]      // Christmas holidays
    public void TheLeadNow_FollowsTheWeekday_TheSchoolDay_AndTheTermDates(string utc, string lead, bool inHours)
    {
        var duty = DutyResolver.OnDuty(Rota, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(lead, duty.Lead.Name);
        Assert.Equal(inHours, duty.InSchoolHours);
    }

    [Fact]
    public void NowIsReadInTheSchoolsTimeZone_NotTheServers()
    {
        // 07:30 UTC on a June Monday is 08:30 in London (BST): the school day has started.
        var duty = DutyResolver.OnDuty(Rota, new DateTimeOffset(2027, 6, 7, 7, 30, 0, TimeSpan.Zero));

        Assert.True(duty.InSchoolHours);
        Assert.Equal(8, duty.LocalNow.Hour);
    }

    [Fact]
    public void TheDeputyChain_IsInTheOrderWritten()
    {
        var duty = DutyResolver.OnDuty(Rota, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(["Alex Morgan", "Priya Shah", "Sam Taylor"], duty.InOrder.Select(p => p.Name));
    }

    [Theory]
    [InlineData(null, "deputy2.dsl@example.org", true)]    // a designated lead, not on duty today
    [InlineData(null, "HEAD@example.org", false)]          // the head is not a deputy on Tuesdays nor a designated lead
    [InlineData(null, "someone@example.org", false)]
    [InlineData(null, null, false)]
    public void WhoMayDecide_IsTheDutyChainAndTheDesignatedLeads(string? aad, string? email, bool allowed)
    {
        var tuesday = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(allowed, DutyResolver.MayDecide(Rota, tuesday, aad, email));
    }

    [Fact]
    public void TheAnswerToWhoIsOnDuty_NamesTheLeadAndTheNextPeople()
    {
        var text = DutyCommand.Describe(RepositoryContent.Catalog, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

        Assert.StartsWith("On duty now (Mon 09:00): Sam Taylor (designated safeguarding lead). If they do not answer: Alex Morgan", text, StringComparison.Ordinal);
        Assert.EndsWith("If anyone is in immediate danger, call 999 now.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfHours_TheAnswerGivesTheOutOfHoursInstruction_WithTheRegionsNumber()
    {
        var text = DutyCommand.Describe(RepositoryContent.Catalog.ForRegion("us"), new DateTimeOffset(2026, 11, 22, 20, 0, 0, TimeSpan.Zero));

        Assert.StartsWith("Outside school hours (Sun 20:00). Duty lead on call: Sam Taylor", text, StringComparison.Ordinal);
        Assert.Contains("call 911 if anyone is in immediate danger", text, StringComparison.Ordinal);
    }
}

public sealed class SchoolCalendarTests
{
    private static DutyRota Rota => RepositoryContent.Catalog.Rota;

    [Theory]
    [InlineData("2026-11-23T14:00:00+00:00", 1, "2026-11-24T14:00:00+00:00")]   // Monday -> Tuesday
    [InlineData("2026-11-27T14:00:00+00:00", 1, "2026-11-30T14:00:00+00:00")]   // Friday -> Monday
    [InlineData("2026-10-23T14:00:00+01:00", 1, "2026-11-02T14:00:00+00:00")]   // Friday before half term -> Monday after (BST ends)
    [InlineData("2026-12-18T10:00:00+00:00", 1, "2027-01-05T10:00:00+00:00")]   // last day of term -> first of the next
    [InlineData("2026-11-23T14:00:00+00:00", 5, "2026-11-30T14:00:00+00:00")]   // five school days = a week
    public void AddSchoolDays_SkipsWeekendsClosuresAndHolidays(string from, int days, string expected)
    {
        var result = SchoolCalendar.AddSchoolDays(Rota, DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }
}
