namespace TriageBot.Dialogs.Rota;

/// <summary>
/// School days from the rota: a weekday with a duty slot, inside a term, not in a closure. "Within one school day" from
/// a Friday afternoon is Monday afternoon; from the last day of term it is the first day of the next.
/// </summary>
public static class SchoolCalendar
{
    /// <summary>Far beyond any summer holiday: content that leaves no school day ahead is cut off here.</summary>
    private const int MaxDaysAhead = 400;

    public static bool IsSchoolDay(DutyRota rota, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(rota);
        return rota.Terms.Any(t => t.Contains(date))
            && !rota.Closures.Any(c => c.Contains(date))
            && rota.Duty.Any(slot => slot.Days.Contains(date.DayOfWeek));
    }

    /// <summary>The same local time <paramref name="days"/> school days later (the deadline moves past weekends and holidays).</summary>
    public static DateTimeOffset AddSchoolDays(DutyRota rota, DateTimeOffset from, int days)
    {
        ArgumentNullException.ThrowIfNull(rota);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = TimeZoneInfo.ConvertTime(from, rota.TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var counted = 0;
        for (var step = 0; counted < days && step < MaxDaysAhead; step++)
        {
            date = date.AddDays(1);
            if (IsSchoolDay(rota, date))
            {
                counted++;
            }
        }

        var wall = date.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(wall, rota.TimeZone.GetUtcOffset(wall));
    }

    /// <summary>
    /// <paramref name="moment"/> itself when it falls in the school day of a school day; otherwise the start of the next
    /// school day. Reminders that fall due at night, at weekends or in holidays arrive when staff are back.
    /// </summary>
    public static DateTimeOffset NextSchoolMoment(DutyRota rota, DateTimeOffset moment)
    {
        ArgumentNullException.ThrowIfNull(rota);
        var local = TimeZoneInfo.ConvertTime(moment, rota.TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsSchoolDay(rota, date) && time >= rota.DayStarts && time < rota.DayEnds)
        {
            return moment;
        }

        if (!(IsSchoolDay(rota, date) && time < rota.DayStarts))
        {
            var step = 0;
            do
            {
                date = date.AddDays(1);
            }
            while (!IsSchoolDay(rota, date) && ++step < MaxDaysAhead);
        }

        var wall = date.ToDateTime(rota.DayStarts);
        return new DateTimeOffset(wall, rota.TimeZone.GetUtcOffset(wall));
    }
}
