using System.Globalization;
using TriageBot.Dialogs.Recognizers;

namespace TriageBot.Dialogs.Tests.Recognizers;

public sealed class DateTimeRecognizerTests
{
    // A Thursday afternoon in a UK school, in summer time.
    private static readonly DateTimeOffset Now = new(2026, 6, 18, 14, 40, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("now", "2026-06-18T14:40")]
    [InlineData("just now", "2026-06-18T14:40")]
    [InlineData("10 minutes ago", "2026-06-18T14:30")]
    [InlineData("ten minutes ago", "2026-06-18T14:30")]
    [InlineData("about 5 mins ago", "2026-06-18T14:35")]
    [InlineData("an hour ago", "2026-06-18T13:40")]
    [InlineData("half an hour ago", "2026-06-18T14:10")]
    [InlineData("2 hours ago", "2026-06-18T12:40")]
    [InlineData("at 2:15", "2026-06-18T14:15")]
    [InlineData("2:15pm", "2026-06-18T14:15")]
    [InlineData("14:15", "2026-06-18T14:15")]
    [InlineData("at 3pm", "2026-06-18T15:00")]
    [InlineData("at 9", "2026-06-18T09:00")]
    [InlineData("today at 9", "2026-06-18T09:00")]
    [InlineData("at 11.30", "2026-06-18T11:30")]
    [InlineData("yesterday at 3pm", "2026-06-17T15:00")]
    [InlineData("at 3", "2026-06-18T03:00")]
    [InlineData("Just now.", "2026-06-18T14:40")]
    [InlineData("twenty-five minutes ago", "2026-06-18T14:15")]
    [InlineData("twenty five minutes ago", "2026-06-18T14:15")]
    [InlineData("a minute ago", "2026-06-18T14:39")]
    [InlineData("3 hrs ago", "2026-06-18T11:40")]
    [InlineData("2.15pm", "2026-06-18T14:15")]
    [InlineData("at 12", "2026-06-18T12:00")]
    [InlineData("12am", "2026-06-18T00:00")]
    [InlineData("00:30", "2026-06-18T00:30")]
    [InlineData("yesterday at 3", "2026-06-17T15:00")]
    [InlineData("Yesterday at 3:30pm", "2026-06-17T15:30")]
    public void RecognisesMomentsRelativeToNow(string text, string expected)
    {
        var moment = DateTimeRecognizer.Recognize(text, Now);

        Assert.NotNull(moment);
        Assert.Equal(expected, moment.Value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal(Now.Offset, moment.Value.Offset);
    }

    [Theory]
    [InlineData("before lunch")]
    [InlineData("9")]
    [InlineData("at 25:00")]
    [InlineData("at 13pm")]
    [InlineData("a few minutes ago")]
    [InlineData("2:75")]
    [InlineData("tomorrow at 3")]
    [InlineData("")]
    public void VagueOrImpossibleTimes_AreNotRecognised(string text) => Assert.Null(DateTimeRecognizer.Recognize(text, Now));

    [Theory]
    [InlineData("at 11", "2026-06-17T23:00")]
    [InlineData("at 7:50", "2026-06-18T07:50")]
    [InlineData("today at 9", "2026-06-18T09:00")]
    [InlineData("9am", "2026-06-18T09:00")]
    public void EarlyInTheMorning_ABareTimeIsTheMostRecentPastOne_ButTodayStaysToday(string text, string expected)
    {
        var earlyMorning = new DateTimeOffset(2026, 6, 18, 8, 0, 0, TimeSpan.FromHours(1));

        var moment = DateTimeRecognizer.Recognize(text, earlyMorning);

        Assert.Equal(expected, moment?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-06-18T00:20", "at 11pm", "2026-06-17T23:00")]
    [InlineData("2026-06-18T14:40", "at 9pm", "2026-06-17T21:00")]
    [InlineData("2026-06-18T14:40", "at 9 in the evening", "2026-06-17T21:00")]
    [InlineData("2026-06-18T14:40", "today at 9pm", "2026-06-18T21:00")]
    [InlineData("2026-06-18T14:40", "last night at 1", "2026-06-18T01:00")]
    [InlineData("2026-06-18T14:40", "last night at 2am", "2026-06-18T02:00")]
    [InlineData("2026-06-18T14:40", "yesterday evening at 7:30", "2026-06-17T19:30")]
    [InlineData("2026-06-18T14:40", "twenty past 2", "2026-06-18T14:20")]
    [InlineData("2026-06-18T14:40", "two fifteen", "2026-06-18T14:15")]
    [InlineData("2026-06-18T14:40", "09:30", "2026-06-18T09:30")]
    [InlineData("2026-06-18T08:00", "09:30", "2026-06-17T09:30")]
    public void AnExplicitTimeHoursAhead_IsYesterdays_AndThePartOfTheDaySettlesAmOrPm(string now, string text, string expected)
    {
        var at = DateTimeOffset.ParseExact(now + "+01:00", "yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

        Assert.Equal(expected, DateTimeRecognizer.Recognize(text, at)?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("this morning at 3pm")]
    [InlineData("this afternoon at 9am")]
    [InlineData("last night at 9am")]
    [InlineData("half to two")]
    [InlineData("spam")]
    [InlineData("a couple of hours ago")]
    [InlineData("5 or 10 minutes ago")]
    [InlineData("an hour or so ago")]
    [InlineData("2:15ish")]
    [InlineData("99999999999999999999999999999999 days ago")]
    [InlineData("9999999999999999999999999999 days ago")]
    [InlineData("400 days ago")]
    public void ContradictionsAndVagueAmounts_AreNotRecognised(string text) => Assert.Null(DateTimeRecognizer.Recognize(text, Now));
}
