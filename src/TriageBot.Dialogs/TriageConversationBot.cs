using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs;

/// <summary>
/// The conversation as a whole: global commands first (help, cancel), then the active dialog; with nothing active,
/// the welcome menu. Pure: the state comes in and goes out, replies are returned, nothing is stored here.
/// </summary>
public sealed class TriageConversationBot : IConversationBot
{
    private readonly DialogSet _dialogs;
    private readonly GlobalCommands _commands;
    private readonly TimeProvider _time;
    private readonly WelcomeTexts _texts;

    public TriageConversationBot(WelcomeTexts texts, TimeProvider time)
    {
        _time = time;
        _texts = texts;
        _dialogs = new DialogSet()
            .Add(new WelcomeDialog(texts))
            .Add(new ChoicePrompt(WelcomeDialog.MenuPromptId));
        _commands = new GlobalCommands(
        [
            new GlobalCommand("help", ["help", "menu", "?", "options"], ShowHelpAsync),
            new GlobalCommand("cancel", ["cancel", "stop", "quit", "exit"], (context, _) =>
            {
                context.CancelAll();
                context.Send(texts.Cancelled);
                return Task.CompletedTask;
            }),
        ]);
    }

    public async Task<TurnResult> OnTurnAsync(TurnInput input, DialogState state, CancellationToken cancellationToken)
    {
        var context = new DialogContext(_dialogs, state, input, _time);

        if (input.Kind == TurnKind.ConversationStarted)
        {
            if (context.ActiveInstance is null)
            {
                await context.BeginDialogAsync(WelcomeDialog.DialogId, WelcomeDialog.StartOptions(greet: true), cancellationToken);
            }
        }
        else if (_commands.Match(input) is { } command)
        {
            await command.RunAsync(context, cancellationToken);
        }
        else if ((await context.ContinueDialogAsync(cancellationToken)).Status == DialogTurnStatus.Empty)
        {
            await context.BeginDialogAsync(WelcomeDialog.DialogId, WelcomeDialog.StartOptions(greet: false), cancellationToken);
        }

        return new TurnResult(context.State, context.Replies);
    }

    // Help never drops work in progress: in the menu (or with nothing open) it shows the help menu; inside any other
    // dialog it says what can be typed and asks the current question again.
    private async Task ShowHelpAsync(DialogContext context, CancellationToken cancellationToken)
    {
        if (context.State.Stack.Count == 0 || context.State.Stack[0].Id == WelcomeDialog.DialogId)
        {
            context.CancelAll();
            await context.BeginDialogAsync(WelcomeDialog.DialogId, WelcomeDialog.StartOptions(greet: false), cancellationToken);
            return;
        }

        context.Send(_texts.Help);
        await context.RepromptAsync(cancellationToken);
    }
}
