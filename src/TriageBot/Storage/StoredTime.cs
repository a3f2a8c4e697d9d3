using System.Globalization;

namespace TriageBot.Storage;

/// <summary>
/// Moments as the store keeps them: UTC, ISO 8601 with seven decimals and a Z, so text order is time order and
/// SQL comparisons (due_at &lt;= @now) are correct.
/// </summary>
public static class StoredTime
{
    public static string Format(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOrNull(string? text) => text is null ? null : Parse(text);
}
