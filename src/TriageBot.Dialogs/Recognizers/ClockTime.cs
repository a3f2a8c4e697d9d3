namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// A time of day as typed. When <see cref="HalfDayKnown"/> (am/pm, a 24-hour time, noon, "this afternoon"),
/// <see cref="Hour"/> is 0-23; otherwise it is 1-12 and could be either half of the day.
/// </summary>
internal readonly record struct ClockTime(int Hour, int Minute, bool HalfDayKnown)
{
    /// <summary>The two readings of a time without am/pm, morning first; one reading when the half of the day is known.</summary>
    public IReadOnlyList<int> Hours => HalfDayKnown ? [Hour] : [Hour % 12, (Hour % 12) + 12];
}
