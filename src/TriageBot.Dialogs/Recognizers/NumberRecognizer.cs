using System.Globalization;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>Numbers typed as digits ("14", "1,200", "-3", "2.5") or words ("twenty-one", "a dozen"), and ordinals ("first", "3rd").</summary>
public static class NumberRecognizer
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["a"] = 1, ["an"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["dozen"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18,
        ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["last"] = -1,
    };

    /// <summary>The first number in the text, or null.</summary>
    public static decimal? Recognize(string? text)
    {
        // Digits are read from the raw tokens, so "-3" keeps its sign and "1,200" its thousands separator.
        foreach (var token in (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var digits = token.TrimEnd('.', ',', '!', '?', ';', ':', ')').TrimStart('(').Replace(",", string.Empty, StringComparison.Ordinal);
            if (decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        var words = InputText.Words(text);
        for (var i = 0; i < words.Length; i++)
        {
            if (ParseWords(words, i) is { } spelled)
            {
                return spelled;
            }
        }

        return null;
    }

    /// <summary>An ordinal position ("second", "2nd"), 1-based, or null. "last" is -1.</summary>
    public static int? RecognizeOrdinal(string? text)
    {
        foreach (var word in InputText.Words(text))
        {
            if (Ordinals.TryGetValue(word, out var ordinal))
            {
                return ordinal;
            }

            if (word.Length > 2 && word[^2..] is "st" or "nd" or "rd" or "th"
                && int.TryParse(word[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var suffixed))
            {
                return suffixed;
            }
        }

        return null;
    }

    private static int? ParseWords(string[] words, int start)
    {
        var word = words[start];
        if (word.Contains('-', StringComparison.Ordinal))
        {
            var parts = word.Split('-', 2);
            return Tens.TryGetValue(parts[0], out var ten) && Units.TryGetValue(parts[1], out var unit) && unit is > 0 and < 10
                ? ten + unit
                : null;
        }

        if (Tens.TryGetValue(word, out var tens))
        {
            return start + 1 < words.Length && Units.TryGetValue(words[start + 1], out var unit) && unit is > 0 and < 10 && words[start + 1] is not ("a" or "an")
                ? tens + unit
                : tens;
        }

        // "a" and "an" count only in front of a unit word ("an hour", "a dozen"), which the caller interprets.
        return word is "a" or "an" ? null : Units.TryGetValue(word, out var value) ? value : null;
    }
}
