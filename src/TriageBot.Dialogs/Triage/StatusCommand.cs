using TriageBot.Dialogs.Commands;

namespace TriageBot.Dialogs.Triage;

/// <summary>"status", "where am I": where the open report stands, then its current question again.</summary>
public static class StatusCommand
{
    public const string Name = "status";

    public static GlobalCommand Create(TriageDialog triage, string noOpenReport) => new(
        Name,
        ["status", "where am i", "what's open", "my report"],
        async (context, cancellationToken) =>
        {
            if (context.ActiveInstance?.Id == TriageDialog.DialogId)
            {
                await triage.DescribeStatusAsync(context, cancellationToken);
                return;
            }

            await context.SendAsync(noOpenReport, cancellationToken);
            await context.RepromptDialogAsync(cancellationToken);
        });
}
