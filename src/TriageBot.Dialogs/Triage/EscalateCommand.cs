using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// "Get the DSL", "escalate": the member of staff asks for the duty lead at any point of a report, whatever the answers
/// say so far. The request is recorded at the level so far (same-day at least); the report then carries on.
/// </summary>
public static class EscalateCommand
{
    public const string Name = "escalate";

    public static GlobalCommand Create(TriageDialog triage, string outsideAReport) => new(
        Name,
        ["escalate", "get the dsl", "tell the dsl", "need the dsl", "ask the dsl", "ask the duty lead", "get the duty lead", "tell the duty lead", "i need the dsl"],
        async (context, cancellationToken) =>
        {
            if (context.ActiveInstance?.Id == TriageDialog.DialogId)
            {
                await triage.RequestEscalationAsync(context, cancellationToken);
                return;
            }

            await context.SendAsync(outsideAReport, cancellationToken);
            await context.RepromptDialogAsync(cancellationToken);
        });
}
