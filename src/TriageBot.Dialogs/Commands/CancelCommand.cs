using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs.Commands;

/// <summary>
/// "cancel", "stop", "quit": ends what is running. A dialog may take over first (<see cref="Dialog.OnCancelRequestedAsync"/>),
/// for example to ask why an open incident is being cancelled; otherwise the stack is emptied and the bot says so.
/// </summary>
public static class CancelCommand
{
    public const string Name = "cancel";

    public static GlobalCommand Create(WelcomeTexts texts) => new(Name, ["cancel", "stop", "quit", "exit"], async (context, cancellationToken) =>
    {
        if (!await context.RequestCancelAsync(cancellationToken))
        {
            await context.SendAsync(texts.Cancelled, cancellationToken);
        }
    });
}
