using System.Globalization;
using System.Text.RegularExpressions;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// Numbers typed as digits ("14", "1,200", "-3", "2.5", "10+", "3-4") or words ("twenty-one", "a dozen", "two hundred and
/// fifty", "one and a half"), and ordinals ("first", "3rd", "second last").
/// </summary>
public static partial class NumberRecognizer
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["nought"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Scales = new(StringComparer.Ordinal)
    {
        ["dozen"] = 12, ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["last"] = -1,
    };

    /// <summary>The first number in the text, or null.</summary>
    public static decimal? Recognize(string? text)
    {
        var items = Items(text);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Digits is { } digits)
            {
                return digits;
            }

            if (Spelled(items, i, out _) is { } spelled)
            {
                return spelled;
            }
        }

        return null;
    }

    /// <summary>The number when the whole text is one number ("25", "twenty five", "one and a half"), else null.</summary>
    internal static decimal? RecognizeExactly(string? text)
    {
        var items = Items(text);
        if (items.Count == 1 && items[0].Digits is { } digits)
        {
            return digits;
        }

        return items.Count > 0 && Spelled(items, 0, out var used) is { } spelled && used == items.Count ? spelled : null;
    }

    /// <summary>An ordinal position ("second", "2nd"), 1-based, or null. Counted from the end it is negative: "last" is -1, "second last" -2.</summary>
    public static int? RecognizeOrdinal(string? text)
    {
        var normalised = InputText.Normalise(text);
        if (FromTheEndPattern().IsMatch(normalised))
        {
            return -2;
        }

        foreach (var word in normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries))
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

    // A token is a number in digits, or words ("twenty-one" gives two).
    private readonly record struct Item(decimal? Digits, string Word);

    private static List<Item> Items(string? text)
    {
        var items = new List<Item>();
        foreach (var token in (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            // Digits are read from the raw token, so "-3" keeps its sign and "1,200" its thousands separator; what follows
            // ("+", "%", "-4" of a range) is ignored, but a letter right after ("1st", "2k") makes it no plain number.
            var match = DigitsPattern().Match(token);
            if (match.Success && decimal.TryParse(match.Groups["number"].Value.Replace(",", string.Empty, StringComparison.Ordinal),
                    NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var digits))
            {
                items.Add(new Item(digits, string.Empty));
                continue;
            }

            items.AddRange(InputText.Words(token).SelectMany(word => word.Split('-', StringSplitOptions.RemoveEmptyEntries)).Select(word => new Item(null, word)));
        }

        return items;
    }

    // Reads number words from start: "two hundred and fifty", "a dozen", "one and a half". Stops at the first word that
    // cannot continue the number, so "three four" is 3, not 7. "a" and "an" count only before a scale word.
    private static decimal? Spelled(List<Item> items, int start, out int used)
    {
        decimal total = 0;
        decimal current = 0;
        var any = false;
        var last = WordKind.None;
        var i = start;
        for (; i < items.Count && items[i].Digits is null; i++)
        {
            var word = items[i].Word;
            var next = i + 1 < items.Count && items[i + 1].Digits is null ? items[i + 1].Word : null;
            if (word is "a" or "an" && last == WordKind.None && next is not null && Scales.ContainsKey(next))
            {
                current = 1;
                last = WordKind.Unit;
            }
            else if (Units.TryGetValue(word, out var unit)
                && (last is WordKind.None or WordKind.Scale or WordKind.And || (last == WordKind.Tens && unit is > 0 and < 10)))
            {
                current += unit;
                last = WordKind.Unit;
                any = true;
            }
            else if (Tens.TryGetValue(word, out var tens) && last is WordKind.None or WordKind.Scale or WordKind.And && current % 100 == 0)
            {
                current += tens;
                last = WordKind.Tens;
                any = true;
            }
            else if (Scales.TryGetValue(word, out var scale) && scale < 1_000 && last is WordKind.Unit or WordKind.Tens && current is > 0 and < 100)
            {
                // "a dozen", "two hundred", "fifteen hundred": multiplies what came since the last thousand.
                current *= scale;
                last = WordKind.Scale;
                any = true;
            }
            else if (Scales.TryGetValue(word, out var large) && large >= 1_000 && current > 0 && last is not WordKind.And)
            {
                total += current * large;
                current = 0;
                last = WordKind.Scale;
                any = true;
            }
            else if (word == "and" && any && next is not null && last is not WordKind.And)
            {
                if (next is "a" && i + 2 < items.Count && items[i + 2].Word == "half")
                {
                    // "one and a half", "two hundred and a half": half of one.
                    current += 0.5m;
                    i += 3;
                    break;
                }

                if (last != WordKind.Scale)
                {
                    break;
                }

                last = WordKind.And;
            }
            else
            {
                break;
            }
        }

        if (last == WordKind.And)
        {
            i--;
        }

        used = i - start;
        return any ? total + current : null;
    }

    private enum WordKind
    {
        None,
        Unit,
        Tens,
        Scale,
        And,
    }

    [GeneratedRegex(@"^[(#£$]?(?<number>-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+)(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"\b(?:second last|second to last|last but one|penultimate)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FromTheEndPattern();
}
