using System.Text.Json.Nodes;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Prompts;

/// <summary>
/// Asks one question and waits for an answer it understands; an answer it does not understand, or that the validator
/// refuses, gets the retry prompt and the prompt stays on the stack. The answer (as JSON) is the prompt's result.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";

    /// <summary>Said when the answer is not usable and the step gave no retry prompt of its own.</summary>
    protected abstract string DefaultRetryPrompt { get; }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext context, JsonNode? options, CancellationToken cancellationToken)
    {
        var promptOptions = PromptOptions.FromJson(options);
        context.ActiveInstance!.State[OptionsKey] = promptOptions.ToJson();
        await context.SendAsync(Ask(promptOptions, promptOptions.Prompt), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var options = StoredOptions(context);
        var (recognized, value) = Recognize(context, options);
        var accepted = recognized
            && (validator is null || await validator(new PromptValidatorContext<T>(context, recognized, value, options), cancellationToken));

        if (accepted)
        {
            return await context.EndDialogAsync(ToJson(value!), cancellationToken);
        }

        await context.SendAsync(Ask(options, RetryText(context, options)), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var options = StoredOptions(context);
        return context.SendAsync(Ask(options, options.Prompt), cancellationToken);
    }

    /// <summary>Reads the answer from the turn (button value or typed text).</summary>
    protected abstract (bool Recognized, T? Value) Recognize(DialogContext context, PromptOptions options);

    protected abstract JsonNode? ToJson(T value);

    /// <summary>The buttons shown with the question and with every retry.</summary>
    protected virtual IReadOnlyList<Choice>? ChoicesFor(PromptOptions options) => options.Choices;

    /// <summary>What to say when the answer was not usable.</summary>
    protected virtual string RetryText(DialogContext context, PromptOptions options) => options.RetryPrompt ?? DefaultRetryPrompt;

    private static PromptOptions StoredOptions(DialogContext context) => PromptOptions.FromJson(context.ActiveInstance!.State[OptionsKey]);

    private BotReply Ask(PromptOptions options, string text) => new(text, ChoicesFor(options), options.Title);
}
