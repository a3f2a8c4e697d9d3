using System.Text.Json.Nodes;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Welcome;

/// <summary>
/// The greeting and menu: offers "Report a concern", "Who is on duty" and "Help", and answers the one chosen.
/// If the message that starts it already names a menu item ("who is on duty"), it answers at once.
/// </summary>
public sealed class WelcomeDialog(WelcomeTexts texts) : Dialog(DialogId)
{
    public const string DialogId = nameof(WelcomeDialog);
    public const string MenuPromptId = DialogId + ".menu";

    private WelcomeTexts Texts { get; } = texts;

    /// <summary>The options to start with: greet (conversation started) or show help.</summary>
    public static JsonNode StartOptions(bool greet) => new JsonObject { ["greet"] = greet };

    public override async Task<DialogTurnResult> BeginAsync(DialogContext context, JsonNode? options, CancellationToken cancellationToken)
    {
        var pressed = ChoicePrompt.ButtonValue(context.Input);
        var typed = ChoiceRecognizer.Recognize(context.Input.Text, WelcomeMenu.Choices).Choice?.Value;
        if ((pressed ?? typed) is { } chosen && chosen != WelcomeMenu.Help)
        {
            Answer(context, chosen);
            return await context.EndDialogAsync(null, cancellationToken);
        }

        var greet = options?["greet"]?.GetValue<bool>() ?? false;
        return await context.BeginDialogAsync(MenuPromptId, new PromptOptions(
            greet ? Texts.Greeting : Texts.Help,
            RetryPrompt: "Please choose an option below, or type help or cancel.",
            Choices: WelcomeMenu.Choices,
            Title: Texts.Title).ToJson(), cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext context, JsonNode? result, CancellationToken cancellationToken)
    {
        var chosen = result?.GetValue<string>();
        if (chosen == WelcomeMenu.Help)
        {
            // Help from the menu: show it again and keep waiting.
            return await context.BeginDialogAsync(MenuPromptId, new PromptOptions(
                Texts.Help, Choices: WelcomeMenu.Choices, Title: Texts.Title).ToJson(), cancellationToken);
        }

        Answer(context, chosen);
        return await context.EndDialogAsync(null, cancellationToken);
    }

    private void Answer(DialogContext context, string? chosen) => context.Send(chosen switch
    {
        WelcomeMenu.Report => Texts.ReportNotAvailable,
        WelcomeMenu.Duty => Texts.RotaNotAvailable,
        _ => Texts.Help,
    });
}
