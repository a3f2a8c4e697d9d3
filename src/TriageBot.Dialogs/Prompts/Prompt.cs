using System.Text.Json.Nodes;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Prompts;

/// <summary>
/// Asks one question and waits for an answer it understands; an answer it does not understand, or that the validator
/// refuses, gets the retry prompt and the prompt stays on the stack. The answer is the prompt's result.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";

    protected abstract string DefaultRetryPrompt { get; }

    public override Task<DialogTurnResult> BeginAsync(DialogContext context, JsonNode? options, CancellationToken cancellationToken)
    {
        var promptOptions = PromptOptions.FromJson(options);
        context.ActiveInstance!.State[OptionsKey] = promptOptions.ToJson();
        context.Send(Ask(promptOptions, promptOptions.Prompt));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var options = PromptOptions.FromJson(context.ActiveInstance!.State[OptionsKey]);
        var (recognized, value) = Recognize(context, options);
        var valid = validator is null
            ? recognized
            : await validator(new PromptValidatorContext<T>(context, recognized, value, options), cancellationToken);

        if (valid && recognized)
        {
            return await context.EndDialogAsync(ToJson(value!), cancellationToken);
        }

        context.Send(Ask(options, options.RetryPrompt ?? DefaultRetryPrompt));
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var options = PromptOptions.FromJson(context.ActiveInstance!.State[OptionsKey]);
        context.Send(Ask(options, options.Prompt));
        return Task.CompletedTask;
    }

    protected abstract (bool Recognized, T? Value) Recognize(DialogContext context, PromptOptions options);

    protected abstract JsonNode? ToJson(T value);

    protected virtual IReadOnlyList<Choice>? ChoicesFor(PromptOptions options) => options.Choices;

    private BotReply Ask(PromptOptions options, string text) => new(text, ChoicesFor(options), options.Title);
}
