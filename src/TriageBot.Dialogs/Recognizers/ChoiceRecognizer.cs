using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>
/// Finds which offered choice a person meant: by button value, number ("2", "second", "second last"), exact title, synonym, or a
/// word that belongs to only one title ("panic"). When a word fits several choices, nothing is picked and the
/// candidates are returned so the prompt can ask again.
/// </summary>
public static class ChoiceRecognizer
{
    public static ChoiceMatch Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        var normalised = InputText.Normalise(text);
        if (normalised.Length == 0 || choices.Count == 0)
        {
            return ChoiceMatch.None;
        }

        var exact = choices.Where(choice => Matches(normalised, choice.Value) || Matches(normalised, choice.Title)
            || (choice.Synonyms ?? []).Any(synonym => Matches(normalised, synonym))).ToList();
        switch (exact.Count)
        {
            case 1:
                return ChoiceMatch.Found(exact[0]);
            case > 1:
                return new ChoiceMatch(null, exact);
        }

        if (ByPosition(normalised, choices) is { } positioned)
        {
            return ChoiceMatch.Found(positioned);
        }

        // A word of a title picks it only in a short answer ("panic"); in a sentence ("help me, a student is bleeding")
        // a stray word must not pick a menu item.
        var words = normalised.Split(' ');
        if (words.Length > MaxWordsForPartialMatch)
        {
            return ChoiceMatch.None;
        }

        var partial = choices.Where(choice => words.Any(word => word.Length >= 3 && Vocabulary(choice).Contains(word))).ToList();
        return partial.Count switch
        {
            1 => ChoiceMatch.Found(partial[0]),
            > 1 => new ChoiceMatch(null, partial),
            _ => ChoiceMatch.None,
        };
    }

    private const int MaxWordsForPartialMatch = 3;

    private static Choice? ByPosition(string normalised, IReadOnlyList<Choice> choices)
    {
        var words = normalised.Split(' ');
        var isJustANumber = words.Length == 1 || (words.Length == 2 && words[0] is "number" or "option" or "choice");
        int? position = null;
        if (isJustANumber && NumberRecognizer.Recognize(normalised) is { } number && number == decimal.Truncate(number) && number is >= 0 and <= int.MaxValue)
        {
            position = (int)number;
        }
        else if (words.Length <= 3 && NumberRecognizer.RecognizeOrdinal(normalised) is { } ordinal)
        {
            // Counted from the end: "last" is -1, "second last" -2.
            position = ordinal < 0 ? choices.Count + 1 + ordinal : ordinal;
        }

        return position is { } p && p >= 1 && p <= choices.Count ? choices[p - 1] : null;
    }

    private static bool Matches(string normalised, string candidate) =>
        string.Equals(normalised, InputText.Normalise(candidate), StringComparison.Ordinal);

    private static HashSet<string> Vocabulary(Choice choice)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in new[] { choice.Title, choice.Value }.Concat(choice.Synonyms ?? []))
        {
            foreach (var word in InputText.Words(phrase).Where(word => !StopWords.Contains(word)))
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal) { "the", "and", "who", "is", "on", "a", "an", "of", "or", "to" };
}
