using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// The day and part of the day said with a time: "yesterday at 3", "this morning at 9", "2:15 this afternoon",
/// "last night at 10", "at 9 in the morning". <see cref="Split"/> takes it off the start or the end and leaves the time.
/// <see cref="DaysBack"/> is null when only the part of the day is said ("in the evening").
/// </summary>
internal sealed partial record ReportedDay(int? DaysBack, ReportedDay.DayPart Part)
{
    public enum DayPart
    {
        Any,
        Morning,
        Afternoon,
        Evening,
        Night,
    }

    /// <summary>The day words and the time said with them, or no day and the text unchanged.</summary>
    public static (ReportedDay? Day, string Time) Split(string text)
    {
        var match = DayFirstPattern().Match(text);
        if (!match.Success)
        {
            match = DayLastPattern().Match(text);
        }

        return match.Success ? (Parse(match.Groups["day"].Value), match.Groups["rest"].Value) : (null, text);
    }

    /// <summary>
    /// The hour a time means in this part of the day, and the day it falls on ("last night at 1" is 01:00 today), or null
    /// when the two contradict each other ("this morning at 3pm").
    /// </summary>
    public (int? DaysBack, int Hour)? Place(ClockTime time)
    {
        var hour = time.HalfDayKnown ? time.Hour
            : Part == DayPart.Morning ? time.Hour % 12
            : Part == DayPart.Night && time.Hour % 12 < 5 ? time.Hour % 12
            : (time.Hour % 12) + 12;
        return Part switch
        {
            DayPart.Morning when hour >= 12 => null,
            DayPart.Afternoon or DayPart.Evening when hour < 12 => null,
            DayPart.Night when hour is >= 5 and < 18 => null,
            DayPart.Night when hour < 5 => (DaysBack - 1, hour), // after midnight: the morning after the day named
            _ => (DaysBack, hour),
        };
    }

    private static ReportedDay Parse(string words) => words switch
    {
        "today" => new(0, DayPart.Any),
        "yesterday" => new(1, DayPart.Any),
        "this morning" => new(0, DayPart.Morning),
        "this afternoon" => new(0, DayPart.Afternoon),
        "this evening" or "tonight" => new(0, DayPart.Evening),
        "yesterday morning" => new(1, DayPart.Morning),
        "yesterday afternoon" => new(1, DayPart.Afternoon),
        "yesterday evening" => new(1, DayPart.Evening),
        "last night" => new(1, DayPart.Night),
        "in the morning" => new(null, DayPart.Morning),
        "in the afternoon" => new(null, DayPart.Afternoon),
        "in the evening" => new(null, DayPart.Evening),
        _ => throw new ArgumentOutOfRangeException(nameof(words), words, "Not a day the patterns match."),
    };

    private const string Days = "yesterday morning|yesterday afternoon|yesterday evening|last night|today|yesterday|this morning|this afternoon|this evening|tonight";

    [GeneratedRegex($@"^(?<day>{Days}),? (?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstPattern();

    [GeneratedRegex($@"^(?<rest>.+?),? (?<day>{Days}|in the morning|in the afternoon|in the evening)$", RegexOptions.CultureInvariant)]
    private static partial Regex DayLastPattern();
}
