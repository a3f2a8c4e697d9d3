using System.Globalization;
using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// Reads a time of day from normalised text: "2:15", "2.15pm", "14:15", "9 o'clock", "nine", "noon", "quarter past
/// two", "twenty to three", "half two" (British: half past two), "two fifteen". A bare hour ("9", "nine") is a time
/// only where the caller says the context makes it one ("at 9", "yesterday at 9"); on its own it could be any number.
/// </summary>
internal static partial class ClockPhrase
{
    public static ClockTime? Parse(string text, bool bareHourAllowed)
    {
        if (text is "noon" or "midday" or "12 noon")
        {
            return new ClockTime(12, 0, HalfDayKnown: true);
        }

        if (text is "midnight" or "12 midnight")
        {
            return new ClockTime(0, 0, HalfDayKnown: true);
        }

        var meridiem = MeridiemPattern().Match(text);
        var body = meridiem.Success ? meridiem.Groups["body"].Value : text;
        var time = Digital(body, bareHourAllowed || meridiem.Success) ?? Spoken(body, bareHourAllowed || meridiem.Success) ?? HourAndMinutes(body);
        if (time is not { } clock || !meridiem.Success)
        {
            return time;
        }

        // "13pm" and "14:15 pm" are not times; "12am" is midnight and "12pm" noon.
        if (clock.HalfDayKnown || clock.Hour is < 1 or > 12)
        {
            return null;
        }

        var afternoon = meridiem.Groups["meridiem"].Value.StartsWith('p');
        return new ClockTime((clock.Hour % 12) + (afternoon ? 12 : 0), clock.Minute, HalfDayKnown: true);
    }

    private static ClockTime? Digital(string body, bool bareHourAllowed)
    {
        var match = DigitalPattern().Match(body);
        if (!match.Success)
        {
            return null;
        }

        var hourText = match.Groups["hour"].Value;
        var hour = int.Parse(hourText, CultureInfo.InvariantCulture);
        var hasMinute = match.Groups["minute"].Success;
        var minute = hasMinute ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        var oClock = match.Groups["oclock"].Success;
        if (hour > 23 || minute > 59 || (oClock && (hasMinute || hour is 0 or > 12)) || (!hasMinute && !oClock && !bareHourAllowed))
        {
            return null;
        }

        // "14:15" and "09:30" are 24-hour times: a leading zero is how the 24-hour clock writes morning hours.
        var twentyFourHour = hour is 0 or > 12 || (hasMinute && hourText.Length == 2 && hourText[0] == '0');
        return new ClockTime(hour, minute, twentyFourHour);
    }

    private static ClockTime? Spoken(string body, bool bareHourAllowed)
    {
        var match = SpokenPattern().Match(body);
        if (!match.Success || Hour(match.Groups["hour"].Value) is not { } hour)
        {
            return null;
        }

        var minutesText = match.Groups["minutes"].Value;
        int? minutes = minutesText switch
        {
            "" => 0,
            "quarter" or "a quarter" => 15,
            "half" => 30,
            _ => NumberRecognizer.RecognizeExactly(minutesText) is { } n && n == decimal.Truncate(n) && n is >= 1 and <= 30 ? (int)n : null,
        };
        var relation = match.Groups["relation"].Value;
        if (minutes is not { } m || (relation.Length == 0 && minutesText.Length > 0 && minutesText != "half")
            || (relation.Length > 0 && minutesText.Length == 0) || (relation == "to" && minutesText == "half"))
        {
            return null;
        }

        if (relation.Length == 0 && minutesText.Length == 0 && !match.Groups["oclock"].Success && !bareHourAllowed)
        {
            return null;
        }

        // "twenty to three" is 2:40; "quarter to one" is 12:45.
        return relation == "to"
            ? new ClockTime(hour == 1 ? 12 : hour - 1, 60 - m, HalfDayKnown: false)
            : new ClockTime(hour, m, HalfDayKnown: false);
    }

    // "two fifteen", "eleven forty-five", "twelve thirty": the hour and the minutes in words.
    private static ClockTime? HourAndMinutes(string body)
    {
        var words = body.Split(' ', 2);
        if (words.Length != 2 || words[0].Any(char.IsDigit) || Hour(words[0]) is not { } hour)
        {
            return null;
        }

        return NumberRecognizer.RecognizeExactly(words[1]) is { } minutes && minutes == decimal.Truncate(minutes) && minutes is >= 10 and <= 59
            && !words[1].Any(char.IsDigit)
            ? new ClockTime(hour, (int)minutes, HalfDayKnown: false)
            : null;
    }

    private static int? Hour(string text) =>
        NumberRecognizer.RecognizeExactly(text) is { } n && n == decimal.Truncate(n) && n is >= 1 and <= 12 ? (int)n : null;

    // "9am", "9 am", "2.15 p.m", "two pm"; written without a space only straight after a digit ("spam" is no time).
    [GeneratedRegex(@"^(?<body>.+?)(?:(?<=\d)| )(?<meridiem>am|pm|a\.m|p\.m|a m|p m)$", RegexOptions.CultureInvariant)]
    private static partial Regex MeridiemPattern();

    [GeneratedRegex(@"^(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))?(?: (?<oclock>o'?clock))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitalPattern();

    // "quarter past two", "ten minutes to three", "half two", "nine o'clock", "nine".
    [GeneratedRegex(@"^(?:(?<minutes>a quarter|quarter|half|[a-z0-9]+(?:[ -][a-z]+)?)(?: minutes?| mins?)? (?<relation>past|to|after) |(?<minutes>half) )?(?<hour>[a-z]+|\d{1,2})(?: (?<oclock>o'?clock))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SpokenPattern();
}
