using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// How long ago, from normalised text: "10 minutes ago", "ten mins ago", "an hour ago", "half an hour ago",
/// "an hour and a half ago", "2.5 hours ago", "about 20 minutes ago", "an hour ago or so". Vague amounts ("a few minutes ago",
/// "a couple of hours ago") are not read: the prompt asks again rather than invent a number.
/// </summary>
internal static partial class ElapsedPhrase
{
    public static TimeSpan? Parse(string text)
    {
        var fraction = FractionOfAnHourPattern().Match(text);
        if (fraction.Success)
        {
            return TimeSpan.FromMinutes(fraction.Groups["fraction"].Value switch
            {
                "half an hour" => 30,
                "three quarters of an hour" => 45,
                _ => 15,
            });
        }

        var match = AgoPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var amountText = match.Groups["amount"].Value;
        var amount = amountText is "a" or "an" ? 1 : NumberRecognizer.RecognizeExactly(amountText);
        if (amount is not { } value || value < 0 || value > MaxMinutesAgo)
        {
            return null;
        }

        if (match.Groups["half"].Success)
        {
            value += 0.5m;
        }

        var unit = match.Groups["unit"].Value;
        var minutes = value * (unit.StartsWith('m') ? 1 : unit.StartsWith('h') ? 60 : 24 * 60);

        // Staff report recent events; an amount beyond a year is a typing slip, not a moment to record.
        return minutes <= MaxMinutesAgo ? TimeSpan.FromMinutes((double)minutes) : null;
    }

    private const decimal MaxMinutesAgo = 366 * 24 * 60;

    // "about", "or so", "maybe" say the amount is rounded, not that it is unknown.
    private const string Roughly = @"(?:(?:about|around|roughly|approximately|approx|maybe|just|only) )?";
    private const string RoughlyAfter = @"(?: (?:or so|maybe|approx|approximately|roughly|or something))?";

    [GeneratedRegex($@"^{Roughly}(?<amount>.+?) (?<unit>minutes?|mins?|hours?|hrs?|hr|h|days?)(?<half> and a half)? ago{RoughlyAfter}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgoPattern();

    [GeneratedRegex($@"^{Roughly}(?<fraction>half an hour|(?:a )?quarter of an hour|three quarters of an hour) ago{RoughlyAfter}$", RegexOptions.CultureInvariant)]
    private static partial Regex FractionOfAnHourPattern();
}
