using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Rota;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Triage;
using TriageBot.Dialogs.Turns;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs;

/// <summary>
/// TriageBot's conversation: emergency, status, help and cancel before anything else, then the active dialog; with
/// nothing active, the welcome menu (or a report at once, when the first message describes an incident). The host
/// registers it as the <see cref="IConversationBot"/> with the school's validated content and a <see cref="TimeProvider"/>.
/// </summary>
public sealed class TriageConversationBot : IConversationBot
{
    private readonly DialogBot _bot;

    public TriageConversationBot(WelcomeTexts texts, ProtocolCatalog catalog, TimeProvider time, TriageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(catalog);
        var triage = new TriageDialog(catalog, options ?? TriageOptions.Default);
        var commands = new GlobalCommands(
        [
            EmergencyCommand.Create(triage, catalog.Region.EmergencyNumber),
            StatusCommand.Create(triage, "You have no open report. Choose Report a concern to start one."),
            DutyCommand.Create(catalog),
            EscalateCommand.Create(triage, "There is no open report to send. Choose Report a concern, or type who is on duty."),
            .. GlobalCommands.Standard(texts).All,
        ]);

        _bot = new DialogBot(
            new DialogSet()
                .Add(new WelcomeDialog(texts, catalog))
                .Add(WelcomeDialog.CreateMenuPrompt(catalog.Detector))
                .Add(triage),
            commands,
            time,
            WelcomeDialog.DialogId,
            _ => WelcomeDialog.StartOptions(greet: true));
    }

    public Task<TurnResult> OnTurnAsync(TurnInput input, DialogState state, CancellationToken cancellationToken) =>
        _bot.OnTurnAsync(input, state, cancellationToken);
}
