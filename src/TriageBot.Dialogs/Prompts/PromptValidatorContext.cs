using System.Text.Json.Nodes;
using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Prompts;

/// <summary>
/// What a prompt validator sees: whether the answer was recognised, the recognised value, the prompt's options and
/// the turn. An unrecognised answer is never accepted, whatever the validator says.
/// </summary>
public sealed record PromptValidatorContext<T>(DialogContext Context, bool Recognized, T? Value, PromptOptions Options)
{
    /// <summary>The data the step passed for validation (<see cref="PromptOptions.Validations"/>).</summary>
    public JsonNode? Validations => Options.Validations;
}
