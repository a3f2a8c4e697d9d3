using System.Text.Json.Nodes;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Prompts;

/// <summary>Yes or no, with Yes / No buttons; typed answers in everyday words work too.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    protected override string DefaultRetryPrompt => "Please answer yes or no.";

    protected override IReadOnlyList<Choice>? ChoicesFor(PromptOptions options) => options.Choices ?? YesNo;

    protected override (bool Recognized, bool Value) Recognize(DialogContext context, PromptOptions options)
    {
        var answer = ChoicePrompt.ButtonValue(context.Input) switch
        {
            "yes" => true,
            "no" => false,
            _ => BooleanRecognizer.Recognize(context.Input.Text),
        };
        return (answer is not null, answer ?? false);
    }

    protected override JsonNode? ToJson(bool value) => JsonValue.Create(value);
}
