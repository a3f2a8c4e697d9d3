namespace TriageBot.Dialogs.Prompts;

/// <summary>Decides whether a recognised answer is acceptable; false makes the prompt ask again with its retry prompt.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancellationToken);
