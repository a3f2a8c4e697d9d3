using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// "emergency", "danger", "help now" (or the Emergency button on any card), at any point: the emergency instruction in
/// the same turn and a request for the duty lead. Inside a report the report then carries on where it was; with no
/// report open, one is started so the emergency is on the record.
/// </summary>
public static class EmergencyCommand
{
    public const string Name = "emergency";

    public static GlobalCommand Create(TriageDialog triage, string emergencyNumber) => new(
        Name,
        ["emergency", "danger", "help now", "help me now", "urgent help", "sos", "call " + emergencyNumber, emergencyNumber],
        async (context, cancellationToken) =>
        {
            if (context.ActiveInstance?.Id == TriageDialog.DialogId)
            {
                await triage.DeclareEmergencyAsync(context, cancellationToken);
                return;
            }

            // The menu or a finished conversation: nothing to keep, start a report from the emergency.
            await context.CancelAllDialogsAsync(cancellationToken);
            await context.BeginDialogAsync(TriageDialog.DialogId, TriageDialog.StartOptions(TriageStart.Emergency), cancellationToken);
        });
}
