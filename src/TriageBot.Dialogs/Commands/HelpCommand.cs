using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs.Commands;

/// <summary>
/// "help", "menu", "?": says what can be typed, without dropping work in progress. In the menu (or with nothing
/// running) it shows the help menu; inside any other dialog it says what can be typed and asks the current question
/// again, so the next answer still goes to that dialog.
/// </summary>
public static class HelpCommand
{
    public const string Name = "help";

    public static GlobalCommand Create(WelcomeTexts texts) => new(Name, ["help", "menu", "?", "options"], async (context, cancellationToken) =>
    {
        if (context.State.Stack.Count == 0 || context.State.Stack[0].Id == WelcomeDialog.DialogId)
        {
            await context.CancelAllDialogsAsync(cancellationToken);
            await context.BeginDialogAsync(WelcomeDialog.DialogId, WelcomeDialog.StartOptions(greet: false), cancellationToken);
            return;
        }

        await context.SendAsync(texts.HelpDuringDialog, cancellationToken);
        await context.RepromptDialogAsync(cancellationToken);
    });
}
