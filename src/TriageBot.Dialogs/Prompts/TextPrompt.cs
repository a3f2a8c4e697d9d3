using System.Text.Json.Nodes;
using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Prompts;

/// <summary>Free text; an empty message (a stray card click) is not an answer.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override string DefaultRetryPrompt => "Please type your answer.";

    protected override (bool Recognized, string? Value) Recognize(DialogContext context, PromptOptions options) =>
        string.IsNullOrWhiteSpace(context.Input.Text) ? (false, null) : (true, context.Input.Text.Trim());

    protected override JsonNode? ToJson(string value) => JsonValue.Create(value);
}
