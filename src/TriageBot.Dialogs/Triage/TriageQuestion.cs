using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// A question the report is waiting on, with its answers as buttons. Button values carry the question's key
/// ("step:means|yes"), so a press on an old card is told apart from an answer to the current question. Typed answers
/// are read against the answers' titles and synonyms, and everyday yes/no words pick a "yes" or "no" answer.
/// </summary>
internal sealed record TriageQuestion(string Key, string Text, IReadOnlyList<TriageAnswer> Answers, string Title, bool OffersBack = true)
{
    public const string BackValue = "triage:back";
    public const string EmergencyValue = "command:" + EmergencyCommand.Name;
    private const char Separator = '|';

    public static readonly string[] BackPhrases = ["back", "go back", "undo", "previous", "last question"];

    /// <summary>The answers as buttons: each value carries the question's key, so an old card's press is told apart.</summary>
    public IReadOnlyList<Choice> AnswerChoices => [.. Answers.Select(answer => new Choice(Key + Separator + answer.Id, answer.Label, answer.Synonyms))];

    /// <summary>
    /// The question as a step card: its answers, then Back and Emergency so they are one press away at every step.
    /// <paramref name="note"/> (why it is asked again) comes before the question.
    /// </summary>
    public BotReply ToReply(string? note = null) => ToReply(WithNote(note, Text), new StepCardContent(Title, Text, AnswerChoices, OffersBack, note));

    /// <summary>The question drawn by another card (a checklist question), with the same buttons.</summary>
    public BotReply ToReply(string text, ReplyCardContent card)
    {
        var choices = AnswerChoices.ToList();
        if (OffersBack)
        {
            choices.Add(new Choice(BackValue, "Back"));
        }

        choices.Add(new Choice(EmergencyValue, "Emergency"));
        return new BotReply(text, choices, Title, card);
    }

    /// <summary>A note in its own paragraph before the text, as clients without cards show it.</summary>
    public static string WithNote(string? note, string text) => note is null ? text : $"{note}\n\n{text}";

    public TriageReading Read(TurnInput input)
    {
        if (ReadButtonOrBack(input) is { } pressedOrBack)
        {
            return pressedOrBack;
        }

        var choices = Answers.Select(answer => new Choice(answer.Id, answer.Label, answer.Synonyms)).ToList();
        var match = ChoiceRecognizer.Recognize(input.Text, choices);
        if (match.Choice is { } choice)
        {
            return TriageReading.Chosen(choice.Value);
        }

        if (match.IsAmbiguous)
        {
            return TriageReading.Ambiguous(match.Candidates.Select(candidate => candidate.Title).ToList());
        }

        // "yeah", "nope", "no, she is calm now" for a question whose answers are yes and no.
        return BooleanRecognizer.Recognize(input.Text) switch
        {
            true when Answers.Any(answer => answer.Id == "yes") => TriageReading.Chosen("yes"),
            false when Answers.Any(answer => answer.Id == "no") => TriageReading.Chosen("no"),
            _ => TriageReading.NotUnderstood,
        };
    }

    /// <summary>
    /// A button, back, or an answer's label typed word for word ("did not want to answer"); nothing is read from a
    /// sentence. For questions where a misreading is a safety risk (the ASQ).
    /// </summary>
    public TriageReading ReadExactly(TurnInput input)
    {
        if (ReadButtonOrBack(input) is { } pressedOrBack)
        {
            return pressedOrBack;
        }

        var typed = InputText.Normalise(input.Text);
        return Answers.FirstOrDefault(answer => typed.Length > 0 && typed == InputText.Normalise(answer.Label)) is { } exact
            ? TriageReading.Chosen(exact.Id)
            : TriageReading.NotUnderstood;
    }

    private TriageReading? ReadButtonOrBack(TurnInput input)
    {
        if (ChoicePrompt.ButtonValue(input) is { } pressed)
        {
            if (pressed == BackValue)
            {
                return TriageReading.Back;
            }

            var separator = pressed.LastIndexOf(Separator);
            if (separator < 0 || !string.Equals(pressed[..separator], Key, StringComparison.Ordinal))
            {
                return TriageReading.Stale;
            }

            var id = pressed[(separator + 1)..];
            return Answers.Any(answer => answer.Id == id) ? TriageReading.Chosen(id) : TriageReading.Stale;
        }

        return BackPhrases.Contains(InputText.Normalise(input.Text), StringComparer.Ordinal) ? TriageReading.Back : null;
    }
}

/// <summary>One answer button: the id recorded, the label shown, and other words that pick it.</summary>
internal sealed record TriageAnswer(string Id, string Label, IReadOnlyList<string>? Synonyms = null);

/// <summary>What the member of staff's message meant for the question asked.</summary>
internal sealed record TriageReading(TriageReadingKind Kind, string? AnswerId = null, IReadOnlyList<string>? Candidates = null)
{
    public static TriageReading Back { get; } = new(TriageReadingKind.Back);

    public static TriageReading Stale { get; } = new(TriageReadingKind.Stale);

    public static TriageReading NotUnderstood { get; } = new(TriageReadingKind.NotUnderstood);

    public static TriageReading Chosen(string id) => new(TriageReadingKind.Chosen, id);

    public static TriageReading Ambiguous(IReadOnlyList<string> titles) => new(TriageReadingKind.Ambiguous, Candidates: titles);
}

internal enum TriageReadingKind
{
    Chosen,
    Back,
    Stale,
    Ambiguous,
    NotUnderstood,
}
