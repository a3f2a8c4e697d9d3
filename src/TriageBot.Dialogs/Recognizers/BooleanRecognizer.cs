namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// Yes or no in everyday English ("yeah", "nope", "I don't think so", "not ok", 👍), read only from text shaped like an
/// answer: it starts with a yes or no word ("no, she is calm now"), or the whole text is a short answer ("she has",
/// "nobody"). A sentence that merely holds "not" or "never" ("she never wants to wake up") is not an answer, nor is one
/// that holds both ("yes and no", "yes but not now") or says the answer is not known ("no idea"): the prompt asks again
/// rather than guess.
/// </summary>
public static class BooleanRecognizer
{
    private static readonly string[] YesStarts =
    [
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "aye", "sure", "ok", "okay", "correct", "right", "true",
        "affirmative", "definitely", "absolutely", "of course",
    ];

    private static readonly string[] NoStarts = ["no", "n", "nope", "nah", "negative", "false"];

    // Whole answers in their own right; a longer sentence that merely contains one of them is not an answer.
    private static readonly string[] ShortYes =
    [
        "i have", "she has", "he has", "they have", "i did", "she did", "he did", "they did", "she is", "he is", "they are",
        "i think so", "she's", "he's",
    ];

    private static readonly string[] ShortNo =
    [
        "not", "never", "no one", "nobody", "none", "nothing", "not at all", "not yet", "don't think so", "dont think so",
        "i don't think so", "i dont think so", "i do not think so", "i haven't", "i havent", "i have not", "i didn't", "i didnt",
        "i did not", "she hasn't", "she hasnt", "he hasn't", "he hasnt", "they haven't", "they havent", "she isn't", "she isnt",
        "he isn't", "he isnt", "they aren't", "they arent", "she didn't", "she didnt", "he didn't", "he didnt", "they didn't",
        "they didnt", "she's not", "he's not", "they're not", "she is not", "he is not", "they are not", "hasn't", "hasnt",
        "haven't", "havent", "isn't", "isnt", "aren't", "arent", "didn't", "didnt", "not ok", "not okay",
    ];

    // Words after a leading yes that take it back ("yes but not now", "yes, she isn't"): ask again.
    private static readonly string[] Contradicting = ["no", "not", "never", "but", "nope"];

    // "no idea" must not count as no, nor "not sure" as yes: for a safety question an unknown is asked again.
    private static readonly string[] UnknownPhrases =
    [
        "no idea", "no clue", "not sure", "unsure", "not certain", "don't know", "dont know", "do not know", "dunno", "maybe",
        "perhaps", "possibly", "not known", "can't say", "cant say", "cannot say",
    ];

    public static bool? Recognize(string? text)
    {
        var raw = (text?.Trim() ?? string.Empty).Replace('\u2019', '\'');
        var thumbsUp = raw.Contains("👍", StringComparison.Ordinal) || raw.Contains("👌", StringComparison.Ordinal);
        var thumbsDown = raw.Contains("👎", StringComparison.Ordinal);
        var normalised = InputText.Normalise(raw);
        var padded = $" {normalised} ";
        if (UnknownPhrases.Any(phrase => padded.Contains($" {phrase} ", StringComparison.Ordinal)))
        {
            return null;
        }

        var words = normalised.Length == 0 ? (bool?)null : ReadWords(normalised);
        var yes = thumbsUp || words == true;
        var no = thumbsDown || words == false;
        if (normalised.Length > 0 && words is null)
        {
            return null;
        }

        return (yes, no) switch
        {
            (true, false) => true,
            (false, true) => false,
            _ => null,
        };
    }

    private static bool? ReadWords(string normalised)
    {
        if (ShortNo.Contains(normalised, StringComparer.Ordinal))
        {
            return false;
        }

        if (ShortYes.Contains(normalised, StringComparer.Ordinal))
        {
            return true;
        }

        if (StartingWith(normalised, YesStarts) is { } afterYes)
        {
            return HoldsAny(afterYes, Contradicting) || afterYes.Contains("n't", StringComparison.Ordinal) ? null : true;
        }

        if (StartingWith(normalised, NoStarts) is { } afterNo)
        {
            return HoldsAny(afterNo, ["yes", "but"]) ? null : false;
        }

        return null;
    }

    /// <summary>The text after a leading phrase of <paramref name="starts"/> (empty when the text is only that), or null.</summary>
    private static string? StartingWith(string normalised, string[] starts)
    {
        foreach (var start in starts)
        {
            if (normalised == start)
            {
                return string.Empty;
            }

            if (normalised.StartsWith(start + " ", StringComparison.Ordinal))
            {
                return normalised[(start.Length + 1)..];
            }
        }

        return null;
    }

    private static bool HoldsAny(string text, string[] words)
    {
        var padded = $" {text} ";
        return words.Any(word => padded.Contains($" {word} ", StringComparison.Ordinal));
    }
}
