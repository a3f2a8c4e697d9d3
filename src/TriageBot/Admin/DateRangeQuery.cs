using System.Globalization;
using TriageBot.Api;

namespace TriageBot.Admin;

/// <summary>
/// Reads from/to query parameters (yyyy-MM-dd, days in the school's time zone, to inclusive) into [from, to) moments;
/// a malformed or reversed range is a 400 naming the parameter. Without them: the last 365 days up to today.
/// </summary>
public static class DateRangeQuery
{
    public static (DateTimeOffset From, DateTimeOffset To, RequestProblem? Problem) Read(string? fromText, string? toText, TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (!TryDay(fromText, today.AddDays(-365), out var from))
        {
            return (default, default, new RequestProblem(400, "Invalid date", $"'from' must be a date such as 2026-11-01, not '{fromText}'.", "from"));
        }

        if (!TryDay(toText, today, out var to))
        {
            return (default, default, new RequestProblem(400, "Invalid date", $"'to' must be a date such as 2026-11-30, not '{toText}'.", "to"));
        }

        if (to < from)
        {
            return (default, default, new RequestProblem(400, "Invalid range", $"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).", "from"));
        }

        return (StartOf(from, zone), StartOf(to.AddDays(1), zone), null);
    }

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
