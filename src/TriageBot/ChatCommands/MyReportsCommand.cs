using System.Text.RegularExpressions;
using TriageBot.Access;
using TriageBot.Chronology;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Incidents;

namespace TriageBot.ChatCommands;

/// <summary>"my reports": the caller's own incidents, newest first, with their numbers.</summary>
public sealed partial class MyReportsCommand(
    IIncidentQueries incidents, IncidentRegister register, ChronologyReader reader, ChronologyCards cards, IncidentReads reads, IConnectorClient connector) : IChatCommand
{
    private const int Limit = 20;

    [GeneratedRegex(@"^\s*(?:show\s+)?my\s+(?:reports|incidents)\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();

    public async Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!Phrase().IsMatch(activity.Text ?? string.Empty))
        {
            return false;
        }

        await register.CatchUpAsync(cancellationToken);
        var who = ChatReply.Who(activity);
        IReadOnlyList<IncidentSummaryRow> mine;
        mine = await incidents.ReportedByAsync(who.Id, who.AadObjectId, Limit, cancellationToken);

        await reads.RecordReadAsync([.. mine.Select(i => i.Id)], who, "list", "card", cancellationToken);
        var card = cards.List(
            "Your reports",
            mine.Count == 0 ? "You have not made a report." : $"The last {mine.Count}. Type 'incident N' to see one.",
            mine,
            await reader.OpenFollowUpCountsAsync(cancellationToken),
            "No reports yet.");
        await ChatReply.SendAsync(connector, activity, "Your reports", card, cancellationToken);
        return true;
    }
}
