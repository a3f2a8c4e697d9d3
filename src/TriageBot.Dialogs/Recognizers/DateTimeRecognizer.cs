using System.Globalization;
using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// Moments staff report, relative to now: "now", "just now", "10 minutes ago", "half an hour ago", "at 2:15", "2:15pm",
/// "14:15", "at 3pm", "today at 9", "yesterday at 3pm". A time without am/pm is the most recent such time that is not
/// in the future, since staff report what already happened. Vague phrases ("before lunch") are not recognised, so the
/// prompt asks again.
/// </summary>
public static partial class DateTimeRecognizer
{
    public static DateTimeOffset? Recognize(string? text, DateTimeOffset now)
    {
        var normalised = InputText.Normalise(text);
        if (normalised.Length == 0)
        {
            return null;
        }

        if (normalised is "now" or "just now" or "right now" or "a moment ago" or "moments ago")
        {
            return now;
        }

        return Ago(normalised, now) ?? ClockTime(normalised, now);
    }

    private static DateTimeOffset? Ago(string normalised, DateTimeOffset now)
    {
        if (normalised.Contains("half an hour ago", StringComparison.Ordinal))
        {
            return now.AddMinutes(-30);
        }

        var match = AgoPattern().Match(normalised);
        if (!match.Success)
        {
            return null;
        }

        var amountText = match.Groups["amount"].Value;
        var amount = amountText is "a" or "an" ? 1 : NumberRecognizer.Recognize(amountText);
        if (amount is not { } value || value < 0)
        {
            return null;
        }

        var unit = match.Groups["unit"].Value;
        TimeSpan? span = unit.StartsWith("min", StringComparison.Ordinal) ? TimeSpan.FromMinutes((double)value)
            : unit.StartsWith('h') ? TimeSpan.FromHours((double)value)
            : unit.StartsWith("day", StringComparison.Ordinal) ? TimeSpan.FromDays((double)value)
            : null;
        return span is { } elapsed ? now - elapsed : null;
    }

    private static DateTimeOffset? ClockTime(string normalised, DateTimeOffset now)
    {
        var match = ClockPattern().Match(normalised);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["meridiem"].Value;
        if (minute > 59 || hour > 23 || (meridiem.Length > 0 && (hour is 0 or > 12)))
        {
            return null;
        }

        // A bare number like "9" counts as a time only after "at" or with a day word, never on its own.
        var hasClockShape = match.Groups["minute"].Success || meridiem.Length > 0 || match.Groups["at"].Success || match.Groups["day"].Success;
        if (!hasClockShape)
        {
            return null;
        }

        var dayWord = match.Groups["day"].Value;
        var day = dayWord == "yesterday" ? now.Date.AddDays(-1) : now.Date;
        if (meridiem.Length > 0)
        {
            // Said with am/pm: exactly that time on that day, even if it is later today.
            return At(day, (hour % 12) + (meridiem.StartsWith('p') ? 12 : 0), minute, now.Offset);
        }

        if (hour is 0 or >= 13)
        {
            return At(day, hour, minute, now.Offset);
        }

        // No am/pm: of the two readings, the latest that is not in the future. Without a day word that may be
        // yesterday evening ("at 11" at 08:00 is 23:00 yesterday); with "today" it stays today (morning if both are ahead).
        var readings = new[] { At(day, hour % 12, minute, now.Offset), At(day, (hour % 12) + 12, minute, now.Offset) };
        var past = readings.Where(reading => reading <= now).ToList();
        return past.Count > 0 ? past.Max()
            : dayWord == "today" ? readings[0]
            : At(day.AddDays(-1), (hour % 12) + 12, minute, now.Offset);
    }

    private static DateTimeOffset At(DateTime day, int hour, int minute, TimeSpan offset) =>
        new(day.Year, day.Month, day.Day, hour, minute, 0, offset);

    [GeneratedRegex(@"^(?:about |around |roughly )?(?<amount>\d+|a|an|[a-z]+(?:-[a-z]+)?(?: [a-z]+)?) (?<unit>minutes?|mins?|hours?|hrs?|h|days?) ago$", RegexOptions.CultureInvariant)]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"^(?:(?<day>today|yesterday) )?(?<at>at |around |about )?(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))? ?(?<meridiem>am|pm|a m|p m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockPattern();
}
