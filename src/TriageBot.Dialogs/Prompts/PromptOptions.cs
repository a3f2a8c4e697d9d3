using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Prompts;

/// <summary>
/// What a prompt asks, what it says when the answer is not understood, the choices it offers, and any data its
/// validator needs (<see cref="Validations"/>, for example a range). Stored as JSON in the prompt's state.
/// </summary>
public sealed record PromptOptions(
    string Prompt,
    string? RetryPrompt = null,
    IReadOnlyList<Choice>? Choices = null,
    string? Title = null,
    JsonNode? Validations = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public JsonNode? ToJson() => JsonSerializer.SerializeToNode(this, Json);

    public static PromptOptions FromJson(JsonNode? node) =>
        node?.Deserialize<PromptOptions>(Json) ?? throw new InvalidOperationException("A prompt was started without options.");
}
