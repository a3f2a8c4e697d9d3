namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// Yes or no in everyday English ("yeah", "nope", "I don't think so", 👍). Answers that hold both ("yes and no") or
/// neither are not recognised, so the prompt asks again rather than guess.
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

    public static bool? Recognize(string? text)
    {
        var raw = text?.Trim() ?? string.Empty;
        var thumbsUp = raw.Contains("👍", StringComparison.Ordinal);
        var thumbsDown = raw.Contains("👎", StringComparison.Ordinal);
        var normalised = " " + InputText.Normalise(raw) + " ";

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
