using System.Text.Json.Nodes;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Prompts;

/// <summary>A number, typed as digits or words.</summary>
public sealed class NumberPrompt(string id, PromptValidator<decimal>? validator = null) : Prompt<decimal>(id, validator)
{
    protected override string DefaultRetryPrompt => "Please type a number.";

    protected override (bool Recognized, decimal Value) Recognize(DialogContext context, PromptOptions options) =>
        NumberRecognizer.Recognize(context.Input.Text) is { } number ? (true, number) : (false, 0m);

    protected override JsonNode? ToJson(decimal value) => JsonValue.Create(value);
}
