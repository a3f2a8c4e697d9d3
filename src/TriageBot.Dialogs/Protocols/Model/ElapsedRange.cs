using System.Globalization;
using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>
/// How long ago an answer option covers, in minutes: "0-15" is under 15 minutes, "60+" an hour or more. Lets a typed
/// time ("10 minutes ago", "at 2:15") pick the option; a time the bot cannot read is asked again, never guessed.
/// </summary>
public sealed partial record ElapsedRange(int FromMinutes, int? ToMinutes)
{
    public bool Contains(TimeSpan elapsed) =>
        elapsed.TotalMinutes >= FromMinutes && (ToMinutes is not { } to || elapsed.TotalMinutes < to);

    /// <summary>Reads "0-15" or "60+"; null when the text is neither.</summary>
    public static ElapsedRange? Parse(string text)
    {
        var match = RangePattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var from = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["open"].Success)
        {
            return new ElapsedRange(from, null);
        }

        var to = int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture);
        return to > from ? new ElapsedRange(from, to) : null;
    }

    public override string ToString() => ToMinutes is { } to ? $"{FromMinutes}-{to}" : $"{FromMinutes}+";

    [GeneratedRegex(@"^(?<from>\d{1,5})\s*(?:(?<open>\+)|-\s*(?<to>\d{1,5}))$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();
}
