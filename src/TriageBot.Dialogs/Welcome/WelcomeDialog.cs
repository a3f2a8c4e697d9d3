using System.Text.Json.Nodes;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Detection;
using TriageBot.Dialogs.Rota;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Triage;

namespace TriageBot.Dialogs.Welcome;

/// <summary>
/// The greeting and menu: offers "Report a concern", "Who is on duty" and "Help", and answers the one chosen.
/// If the message that starts it already names a menu item ("who is on duty?"), it answers at once; if it describes an
/// incident ("a year 9 girl told me she wants to die"), a report starts from it at once.
/// </summary>
public sealed class WelcomeDialog(WelcomeTexts texts, ProtocolCatalog catalog) : Dialog(DialogId)
{
    public const string DialogId = nameof(WelcomeDialog);
    public const string MenuPromptId = DialogId + ".menu";

    /// <summary>The options to start with: greet (a new conversation or first message) or show the help menu.</summary>
    public static JsonNode StartOptions(bool greet) => new JsonObject { ["greet"] = greet };

    /// <summary>The prompt the menu waits in; register it with the dialog.</summary>
    public static ChoicePrompt CreateMenuPrompt(IncidentDetector detector) => new WelcomeMenuPrompt(MenuPromptId, detector);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext context, JsonNode? options, CancellationToken cancellationToken)
    {
        var pressed = ChoicePrompt.ButtonValue(context.Input);

        // "Report: ..." at the end of a report, for another incident its first message told of.
        if (AlsoMentionedButton.TryRead(pressed, catalog, out var protocol, out var follows))
        {
            return await context.ReplaceDialogAsync(TriageDialog.DialogId, TriageDialog.StartOptionsAlsoMentioned(protocol.Id, follows), cancellationToken);
        }

        // A crisis word wins over a menu word: "dsl, she has cut her wrists" is a report, not the duty rota.
        if (pressed is null && !catalog.Detector.Detect(context.Input.Text).IsNone)
        {
            return await AnswerAsync(context, WelcomeMenu.Describe, cancellationToken);
        }

        var typed = ChoiceRecognizer.Recognize(context.Input.Text, WelcomeMenu.Choices).Choice?.Value;
        if ((pressed ?? typed) is { } chosen && chosen != WelcomeMenu.Help && WelcomeMenu.Choices.Any(choice => choice.Value == chosen))
        {
            return await AnswerAsync(context, chosen, cancellationToken);
        }

        if (pressed is null && DescribesSomething(context.Input.Text, catalog.Detector))
        {
            return await AnswerAsync(context, WelcomeMenu.Describe, cancellationToken);
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

        return await AnswerAsync(context, chosen, cancellationToken);
    }

    private Task<DialogTurnResult> ShowMenuAsync(DialogContext context, string text, CancellationToken cancellationToken) =>
        context.BeginDialogAsync(MenuPromptId, new PromptOptions(
            text,
            RetryPrompt: texts.MenuRetry,
            Choices: WelcomeMenu.Choices,
            Title: texts.Title).ToJson(), cancellationToken);

    /// <summary>
    /// A message that names an incident type, or is a sentence (five words or more): it is a report, and the report
    /// starts from it (the type menu follows when the words name no type). Short unclear replies get the menu again.
    /// </summary>
    public static bool DescribesSomething(string? text, IncidentDetector detector) =>
        !detector.Detect(text).IsNone || InputText.Words(text).Length >= MinimumDescriptionWords;

    private const int MinimumDescriptionWords = 5;

    private async Task<DialogTurnResult> AnswerAsync(DialogContext context, string? chosen, CancellationToken cancellationToken)
    {
        switch (chosen)
        {
            case WelcomeMenu.Report:
                return await context.ReplaceDialogAsync(TriageDialog.DialogId, TriageDialog.StartOptions(TriageStart.Menu), cancellationToken);
            case WelcomeMenu.Describe:
                return await context.ReplaceDialogAsync(
                    TriageDialog.DialogId, TriageDialog.StartOptions(TriageStart.Description, context.Input.Text), cancellationToken);
            case WelcomeMenu.Duty:
                await context.SendAsync(DutyCommand.Describe(catalog, context.Time.GetUtcNow()), cancellationToken);
                break;
            default:
                await context.SendAsync(texts.Help, cancellationToken);
                break;
        }

        return await context.EndDialogAsync(null, cancellationToken);
    }
}
