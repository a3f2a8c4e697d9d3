using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Protocols;

namespace TriageBot.Dialogs.Rota;

/// <summary>"Who is on duty", at any point (also mid-report): the answer from the rota, then the current question again.</summary>
public static class DutyCommand
{
    public const string Name = "duty";

    public static GlobalCommand Create(ProtocolCatalog catalog) => new(
        Name,
        ["who is on duty", "who's on duty", "whos on duty", "who is the dsl", "who is duty lead", "duty lead", "on duty", "rota", "duty"],
        async (context, cancellationToken) =>
        {
            await context.SendAsync(Describe(catalog, context.Time.GetUtcNow()), cancellationToken);
            await context.RepromptDialogAsync(cancellationToken);
        });

    public static string Describe(ProtocolCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var rota = catalog.Rota with { OutOfHoursInstruction = catalog.Text(catalog.Rota.OutOfHoursInstruction) };
        return DutyAnswer.Describe(rota, now, $"If anyone is in immediate danger, call {catalog.Region.EmergencyNumber} now.");
    }
}
