using System.Text.RegularExpressions;
using TriageBot.Access;
using TriageBot.Chronology;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Incidents;

namespace TriageBot.ChatCommands;

/// <summary>"open incidents" (leads only): every incident not yet closed, newest first.</summary>
public sealed partial class OpenIncidentsCommand(
    IIncidentQueries incidents,
    IncidentRegister register,
    IncidentAccess access,
    ChronologyReader reader,
    ChronologyCards cards,
    IncidentReads reads,
    IConnectorClient connector,
    ILogger<OpenIncidentsCommand> logger) : IChatCommand
{
    private const int Limit = 30;

    [GeneratedRegex(@"^\s*(?:show\s+)?(?:all\s+)?open\s+(?:incidents|reports)\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();

    public async Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!Phrase().IsMatch(activity.Text ?? string.Empty))
        {
            return false;
        }

        var caller = await access.IdentifyAsync(ChatReply.Who(activity), cancellationToken);
        if (!caller.IsLead)
        {
            LogRefused();
            await ChatReply.SendAsync(connector, activity, "Only the duty and designated safeguarding leads can list incidents. Type 'my reports' for yours.", null, cancellationToken);
            return true;
        }

        await register.CatchUpAsync(cancellationToken);
        IReadOnlyList<IncidentSummaryRow> open;
        open = await incidents.OpenAsync(Limit, cancellationToken);

        await reads.RecordReadAsync([.. open.Select(i => i.Id)], caller.Who, "list", "card", cancellationToken);
        var card = cards.List(
            "Open incidents",
            open.Count == 0 ? "Nothing is open." : $"{open.Count} open{(open.Count == Limit ? " (the newest " + Limit + ")" : string.Empty)}. Type 'incident N' to see one.",
            open,
            await reader.OpenFollowUpCountsAsync(cancellationToken),
            "No incident is open.");
        await ChatReply.SendAsync(connector, activity, "Open incidents", card, cancellationToken);
        return true;
    }

    [LoggerMessage(1811, LogLevel.Warning, "'open incidents' asked by someone who is not a lead; refused")]
    private partial void LogRefused();
}
