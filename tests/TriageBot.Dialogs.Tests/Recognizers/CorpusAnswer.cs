using System.Globalization;

namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>
/// Answers written the same way for ours, the corpus and the suite, so they compare as text and read well in
/// disagreements.md: yes, no, a choice value, a number, a wall-clock minute (2026-06-18T14:15), or none.
/// </summary>
internal static class CorpusAnswer
{
    public const string None = "none";

    public static string Of(bool? answer) => answer switch
    {
        true => "yes",
        false => "no",
        null => None,
    };

    public static string Of(string? choiceValue) => choiceValue ?? None;

    // "G29" drops trailing zeros, so 2.50 and 2.5 are the same answer.
    public static string Of(decimal? number) => number?.ToString("G29", CultureInfo.InvariantCulture) ?? None;

    public static string Of(DateTimeOffset? moment) => moment is { } at ? Of(at.DateTime) : None;

    public static string Of(DateTime wallClock) => wallClock.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
