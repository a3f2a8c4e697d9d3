using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Prompts;

/// <summary>What a prompt validator sees: the recognised value (if any) and the turn. Return false to ask again.</summary>
public sealed record PromptValidatorContext<T>(DialogContext Context, bool Recognized, T? Value, PromptOptions Options);

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancellationToken);
