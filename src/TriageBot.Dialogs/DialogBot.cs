using System.Text.Json.Nodes;
using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs;

/// <summary>
/// The turn loop of a bot made of dialogs: global commands first, then the active dialog; with nothing active (a new
/// conversation, or a message after everything ended) the start dialog. State comes in and goes out; nothing is kept here.
/// </summary>
public sealed class DialogBot(DialogSet dialogs, GlobalCommands commands, TimeProvider time, string startDialogId, Func<TurnInput, JsonNode?> startOptions)
    : IConversationBot
{
    public async Task<TurnResult> OnTurnAsync(TurnInput input, DialogState state, CancellationToken cancellationToken)
    {
        var context = new DialogContext(dialogs, state, input, time);

        if (input.Kind == TurnKind.ConversationStarted)
        {
            // Someone joining mid-conversation must not restart what is running.
            if (context.ActiveInstance is null)
            {
                await context.BeginDialogAsync(startDialogId, startOptions(input), cancellationToken);
            }
        }
        else if (commands.Match(input) is { } command)
        {
            await command.RunAsync(context, cancellationToken);
        }
        else if ((await context.ContinueDialogAsync(cancellationToken)).Status == DialogTurnStatus.Empty)
        {
            await context.BeginDialogAsync(startDialogId, startOptions(input), cancellationToken);
        }

        return new TurnResult(context.State, context.Replies, context.Events);
    }
}
