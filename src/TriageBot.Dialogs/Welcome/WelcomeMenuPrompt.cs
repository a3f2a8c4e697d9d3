using System.Text.Json.Nodes;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Protocols.Detection;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Welcome;

/// <summary>
/// The menu's prompt. A message that names an incident type, or is not a menu choice but describes an incident ("fight in the yard, one has a
/// knife", or any sentence of five words or more) is not asked again: it ends the prompt with <see cref="WelcomeMenu.Describe"/>, and the welcome dialog starts
/// a report from the message.
/// </summary>
internal sealed class WelcomeMenuPrompt(string id, IncidentDetector detector) : ChoicePrompt(id)
{
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext context, CancellationToken cancellationToken)
    {
        // A crisis word wins over a menu word ("help, kms"); a sentence without one is a report unless it is a menu choice.
        if (ButtonValue(context.Input) is null
            && (!detector.Detect(context.Input.Text).IsNone
                || (ChoiceRecognizer.Recognize(context.Input.Text, WelcomeMenu.Choices).Choice is null && WelcomeDialog.DescribesSomething(context.Input.Text, detector))))
        {
            return await context.EndDialogAsync(JsonValue.Create(WelcomeMenu.Describe), cancellationToken);
        }

        return await base.ContinueDialogAsync(context, cancellationToken);
    }
}
