using System.Text.Json.Nodes;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Prompts;

/// <summary>Yes or no, with Yes / No buttons; typed answers in everyday words work too. The result is true or false.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    public const string YesValue = "yes";
    public const string NoValue = "no";

    public static IReadOnlyList<Choice> YesNo { get; } = [new(YesValue, "Yes"), new(NoValue, "No")];

    protected override string DefaultRetryPrompt => "Please answer yes or no.";

    // A step may retitle the buttons ("Yes, they are safe"); their values must still read as yes or no.
    protected override IReadOnlyList<Choice>? ChoicesFor(PromptOptions options) => options.Choices ?? YesNo;

    protected override (bool Recognized, bool Value) Recognize(DialogContext context, PromptOptions options)
    {
        var answer = BooleanRecognizer.Recognize(ChoicePrompt.ButtonValue(context.Input) ?? context.Input.Text);
        return (answer is not null, answer ?? false);
    }

    protected override JsonNode? ToJson(bool value) => JsonValue.Create(value);
}
