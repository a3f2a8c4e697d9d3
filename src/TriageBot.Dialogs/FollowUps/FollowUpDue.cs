using TriageBot.Dialogs.Rota;

namespace TriageBot.Dialogs.FollowUps;

/// <summary>
/// How long after its trigger a task is due, as written in the rules ("24 hours", "2 school days", "6 school weeks",
/// "6 weeks"). School days skip weekends, holidays and closures of the rota's calendar; a school week is five school days.
/// </summary>
public sealed record FollowUpDue(int Amount, FollowUpDueUnit Unit)
{
    public DateTimeOffset From(DateTimeOffset start, DutyRota rota) => Unit switch
    {
        FollowUpDueUnit.Hours => start.AddHours(Amount),
        FollowUpDueUnit.SchoolDays => SchoolCalendar.AddSchoolDays(rota, start, Amount),
        FollowUpDueUnit.SchoolWeeks => SchoolCalendar.AddSchoolDays(rota, start, Amount * 5),
        _ => start.AddDays(7 * Amount),
    };

    public override string ToString() => Unit switch
    {
        FollowUpDueUnit.Hours => Amount == 1 ? "1 hour" : $"{Amount} hours",
        FollowUpDueUnit.SchoolDays => Amount == 1 ? "1 school day" : $"{Amount} school days",
        FollowUpDueUnit.SchoolWeeks => Amount == 1 ? "1 school week" : $"{Amount} school weeks",
        _ => Amount == 1 ? "1 week" : $"{Amount} weeks",
    };

    /// <summary>Reads "24 hours", "1 school day", "6 school weeks", "6 weeks"; null when it is none of those.</summary>
    public static FollowUpDue? Parse(string text)
    {
        var words = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !int.TryParse(words[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }

        FollowUpDueUnit? unit = string.Join(' ', words.Skip(1)) switch
        {
            "hour" or "hours" => FollowUpDueUnit.Hours,
            "school day" or "school days" => FollowUpDueUnit.SchoolDays,
            "school week" or "school weeks" => FollowUpDueUnit.SchoolWeeks,
            "week" or "weeks" => FollowUpDueUnit.Weeks,
            _ => null,
        };
        return unit is { } known ? new FollowUpDue(amount, known) : null;
    }
}

public enum FollowUpDueUnit
{
    Hours,
    SchoolDays,
    SchoolWeeks,
    Weeks,
}
