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

        var day = now.Date;
        var dayWord = match.Groups["day"].Value;
        if (dayWord == "yesterday")
        {
            day = day.AddDays(-1);
        }

        if (meridiem.Length > 0)
        {
            hour = (hour % 12) + (meridiem.StartsWith('p') ? 12 : 0);
            return At(day, hour, minute, now.Offset);
        }

        if (hour >= 13 || dayWord == "yesterday")
        {
            return At(day, hour, minute, now.Offset);
        }

        // No am/pm: the latest of the two readings that is not in the future.
        var candidates = new[] { At(day, hour % 12, minute, now.Offset), At(day, (hour % 12) + 12, minute, now.Offset) }
            .Where(candidate => candidate <= now)
            .ToList();
        return candidates.Count > 0 ? candidates.Max() : At(day.AddDays(-1), (hour % 12) + 12, minute, now.Offset);
    }

    private static DateTimeOffset At(DateTime day, int hour, int minute, TimeSpan offset) =>
        new(day.Year, day.Month, day.Day, hour, minute, 0, offset);

    [GeneratedRegex(@"^(?:about |around |roughly )?(?<amount>\d+|a|an|[a-z]+(?:-[a-z]+)?(?: [a-z]+)?) (?<unit>minutes?|mins?|hours?|hrs?|h|days?) ago$", RegexOptions.CultureInvariant)]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"^(?:(?<day>today|yesterday) )?(?<at>at |around |about )?(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))? ?(?<meridiem>am|pm|a m|p m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockPattern();
}
