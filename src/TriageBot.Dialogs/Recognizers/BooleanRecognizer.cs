namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// Yes or no in everyday English ("yeah", "nope", "I don't think so", "not ok", 👍). Answers that hold both ("yes and no"),
/// neither, or say the answer is not known ("no idea", "not sure") are not recognised, so the prompt asks again rather
/// than guess.
/// </summary>
public static class BooleanRecognizer
{
    private static readonly string[] YesPhrases =
    [
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "aye", "sure", "ok", "okay", "correct", "right", "true",
        "affirmative", "definitely", "absolutely", "of course", "i have", "she has", "he has", "they have", "i did", "she is", "he is", "they are",
    ];

    private static readonly string[] NoPhrases =
    [
        "no", "n", "nope", "nah", "negative", "false", "not", "never", "don't think so", "dont think so", "i haven't", "i havent",
        "hasn't", "hasnt", "haven't", "havent", "isn't", "isnt", "aren't", "arent", "didn't", "didnt", "no one", "nobody", "none",
    ];

    // "no idea" must not count as no, nor "not sure" as yes: for a safety question an unknown is asked again.
    private static readonly string[] UnknownPhrases =
    [
        "no idea", "no clue", "not sure", "unsure", "not certain", "don't know", "dont know", "do not know", "dunno", "maybe",
        "perhaps", "possibly", "not known", "can't say", "cant say", "cannot say",
    ];

    public static bool? Recognize(string? text)
    {
        var raw = text?.Trim() ?? string.Empty;
        var thumbsUp = raw.Contains("👍", StringComparison.Ordinal) || raw.Contains("👌", StringComparison.Ordinal);
        var thumbsDown = raw.Contains("👎", StringComparison.Ordinal);
        var normalised = " " + InputText.Normalise(raw) + " ";
        if (UnknownPhrases.Any(phrase => normalised.Contains($" {phrase} ", StringComparison.Ordinal)))
        {
            return null;
        }

        // "not ok" is a no, not a yes and a no.
        normalised = normalised.Replace(" not okay ", " no ", StringComparison.Ordinal).Replace(" not ok ", " no ", StringComparison.Ordinal);

        var yes = thumbsUp || YesPhrases.Any(phrase => normalised.Contains($" {phrase} ", StringComparison.Ordinal));
        var no = thumbsDown || NoPhrases.Any(phrase => normalised.Contains($" {phrase} ", StringComparison.Ordinal));

        // "no, she hasn't" is still no; "yes and no" is neither.
        return (yes, no) switch
        {
            (true, false) => true,
            (false, true) => false,
            (true, true) when StartsWithNo(normalised) && !normalised.Contains(" yes ", StringComparison.Ordinal) => false,
            _ => null,
        };
    }

    private static bool StartsWithNo(string normalised) =>
        normalised.StartsWith(" no ", StringComparison.Ordinal) || normalised.StartsWith(" nope ", StringComparison.Ordinal);
}
