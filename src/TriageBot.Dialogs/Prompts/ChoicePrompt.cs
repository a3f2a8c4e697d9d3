using System.Text.Json.Nodes;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Prompts;

/// <summary>
/// One of the offered choices, by button or typed (number, title, synonym, unique word). The result is the choice's
/// value. When a typed word fits several choices, the retry names them instead of guessing.
/// </summary>
public class ChoicePrompt(string id, PromptValidator<Choice>? validator = null) : Prompt<Choice>(id, validator)
{
    protected override string DefaultRetryPrompt => "Please choose one of the options.";

    protected override (bool Recognized, Choice? Value) Recognize(DialogContext context, PromptOptions options)
    {
        var choices = options.Choices ?? [];
        if (ButtonValue(context.Input) is { } pressed)
        {
            var button = choices.FirstOrDefault(choice => string.Equals(choice.Value, pressed, StringComparison.Ordinal));
            return (button is not null, button);
        }

        var match = ChoiceRecognizer.Recognize(context.Input.Text, choices);
        return (match.Choice is not null, match.Choice);
    }

    protected override string RetryText(DialogContext context, PromptOptions options)
    {
        var match = ButtonValue(context.Input) is null ? ChoiceRecognizer.Recognize(context.Input.Text, options.Choices ?? []) : ChoiceMatch.None;
        return match.IsAmbiguous
            ? $"Did you mean {string.Join(" or ", match.Candidates.Select(choice => $"\"{choice.Title}\""))}? Please choose one."
            : base.RetryText(context, options);
    }

    protected override JsonNode? ToJson(Choice value) => JsonValue.Create(value.Value);

    /// <summary>The choice value a card button sent (<see cref="ChoiceCardData.ChoiceKey"/>), if the turn came from one.</summary>
    public static string? ButtonValue(TurnInput input) =>
        input.Value?[ChoiceCardData.ChoiceKey] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
