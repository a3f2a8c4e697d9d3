using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs;

/// <summary>
/// TriageBot's conversation: help and cancel before anything else, then the active dialog; with nothing active, the
/// welcome menu. The host registers it as the <see cref="IConversationBot"/> with the school's <see cref="WelcomeTexts"/>
/// and a <see cref="TimeProvider"/>.
/// </summary>
public sealed class TriageConversationBot(WelcomeTexts texts, TimeProvider time) : IConversationBot
{
    private readonly DialogBot _bot = new(
        new DialogSet()
            .Add(new WelcomeDialog(texts))
            .Add(WelcomeDialog.CreateMenuPrompt()),
        GlobalCommands.Standard(texts),
        time,
        WelcomeDialog.DialogId,
        _ => WelcomeDialog.StartOptions(greet: true));

    public Task<TurnResult> OnTurnAsync(TurnInput input, DialogState state, CancellationToken cancellationToken) =>
        _bot.OnTurnAsync(input, state, cancellationToken);
}
