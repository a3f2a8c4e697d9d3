using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// Moments staff report when asked when something happened, relative to now: "just now", "10 minutes ago",
/// "half an hour ago", "at 2:15", "2.15pm", "14:15", "quarter past two", "this morning at 9", "yesterday at 3",
/// "last night at 10". Vague phrases ("before lunch", "a few minutes ago", "this morning" without a time) are not
/// recognised, so the prompt asks again rather than guess.
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

        return ElapsedPhrase.Parse(normalised) is { } elapsed ? now - elapsed : ClockMoment(normalised, now);
    }

    /// <summary>How far ahead of now a time said with am/pm may be and still be today (see <see cref="Place"/>).</summary>
    internal static readonly TimeSpan ExplicitTimeAhead = TimeSpan.FromHours(1);

    private static DateTimeOffset? ClockMoment(string normalised, DateTimeOffset now)
    {
        var (day, rest) = ReportedDay.Split(normalised);
        var at = AtPattern().Match(rest);
        var clockText = at.Success ? at.Groups["time"].Value : rest;

        // A bare number ("9") counts as a time only after "at" or with a day word, never on its own.
        return ClockPhrase.Parse(clockText, bareHourAllowed: at.Success || day is not null) is { } time ? Place(time, day, now) : null;
    }

    /// <summary>
    /// The moment a time of day means, said with or without a day, when staff report what already happened.
    /// </summary>
    internal static DateTimeOffset? Place(ClockTime time, ReportedDay? day, DateTimeOffset now)
    {
        if (day is not null && day.Part != ReportedDay.DayPart.Any)
        {
            // The part of the day settles am or pm: "this morning at 9", "yesterday afternoon at 3"; "at 9 in the
            // evening" names no day, so it is placed like "at 9pm".
            return day.Place(time) is not { } placed ? null
                : placed.DaysBack is { } daysBack ? At(now.Date.AddDays(-daysBack), placed.Hour, time.Minute, now.Offset)
                : Place(time with { Hour = placed.Hour, HalfDayKnown = true }, day: null, now);
        }

        var date = now.Date.AddDays(-(day?.DaysBack ?? 0));
        if (time.HalfDayKnown)
        {
            // Said with am/pm or on the 24-hour clock: that time on the day named. Without a day, today, even a little
            // ahead of now (a rounded time or a slow clock: "at 3pm" at 14:40), but not hours ahead: "at 11pm" just after
            // midnight is yesterday's 11pm.
            var said = At(date, time.Hour, time.Minute, now.Offset);
            return day is null && said > now + ExplicitTimeAhead ? said.AddDays(-1) : said;
        }

        // No am/pm: staff are reporting what already happened, so of the two readings take the most recent one that
        // is not in the future. Without a day word that may be yesterday evening ("at 11" at 08:00 is 23:00
        // yesterday); with "today" it stays today (the morning reading if both are still ahead).
        var readings = time.Hours.Select(hour => At(date, hour, time.Minute, now.Offset)).ToList();
        var past = readings.Where(reading => reading <= now).ToList();
        return past.Count > 0 ? past.Max()
            : day is not null ? readings[0]
            : At(date.AddDays(-1), time.Hours[^1], time.Minute, now.Offset);
    }

    private static DateTimeOffset At(DateTime day, int hour, int minute, TimeSpan offset) =>
        new(day.Year, day.Month, day.Day, hour, minute, 0, offset);

    [GeneratedRegex(@"^(?:at about|at around|at|around|about|approx|approximately) (?<time>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AtPattern();
}
