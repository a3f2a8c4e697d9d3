using System.Text.Json.Nodes;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Welcome;

/// <summary>
/// The greeting and menu: offers "Report a concern", "Who is on duty" and "Help", and answers the one chosen.
/// If the message that starts it already names a menu item ("who is on duty?"), it answers at once.
/// </summary>
public sealed class WelcomeDialog(WelcomeTexts texts) : Dialog(DialogId)
{
    public const string DialogId = nameof(WelcomeDialog);
    public const string MenuPromptId = DialogId + ".menu";

    /// <summary>The options to start with: greet (a new conversation or first message) or show the help menu.</summary>
    public static JsonNode StartOptions(bool greet) => new JsonObject { ["greet"] = greet };

    /// <summary>The prompt the menu waits in; register it with the dialog.</summary>
    public static ChoicePrompt CreateMenuPrompt() => new(MenuPromptId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext context, JsonNode? options, CancellationToken cancellationToken)
    {
        var pressed = ChoicePrompt.ButtonValue(context.Input);
        var typed = ChoiceRecognizer.Recognize(context.Input.Text, WelcomeMenu.Choices).Choice?.Value;
        if ((pressed ?? typed) is { } chosen && chosen != WelcomeMenu.Help && WelcomeMenu.Choices.Any(choice => choice.Value == chosen))
        {
            await AnswerAsync(context, chosen, cancellationToken);
            return await context.EndDialogAsync(null, cancellationToken);
        }

        var greet = options?["greet"]?.GetValue<bool>() ?? false;
        return await ShowMenuAsync(context, greet ? texts.Greeting : texts.Help, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext context, JsonNode? result, CancellationToken cancellationToken)
    {
        var chosen = result?.GetValue<string>();
        if (chosen == WelcomeMenu.Help)
        {
            // Help from the menu: show it and keep waiting.
            return await ShowMenuAsync(context, texts.Help, cancellationToken);
        }

        await AnswerAsync(context, chosen, cancellationToken);
        return await context.EndDialogAsync(null, cancellationToken);
    }

    private Task<DialogTurnResult> ShowMenuAsync(DialogContext context, string text, CancellationToken cancellationToken) =>
        context.BeginDialogAsync(MenuPromptId, new PromptOptions(
            text,
            RetryPrompt: texts.MenuRetry,
            Choices: WelcomeMenu.Choices,
            Title: texts.Title).ToJson(), cancellationToken);

    private Task AnswerAsync(DialogContext context, string? chosen, CancellationToken cancellationToken) => context.SendAsync(chosen switch
    {
        WelcomeMenu.Report => texts.ReportNotAvailable,
        WelcomeMenu.Duty => texts.RotaNotAvailable,
        _ => texts.Help,
    }, cancellationToken);
}
