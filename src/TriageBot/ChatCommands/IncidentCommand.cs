using System.Globalization;
using System.Text.RegularExpressions;
using TriageBot.Access;
using TriageBot.Chronology;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;

namespace TriageBot.ChatCommands;

/// <summary>"incident 42": its chronology, for its reporter and the leads; anyone else gets the same answer as for a number that does not exist.</summary>
public sealed partial class IncidentCommand(IncidentAccess access, ChronologyReader reader, ChronologyCards cards, IConnectorClient connector) : IChatCommand
{
    [GeneratedRegex(@"^\s*(?:show\s+(?:me\s+)?)?incident\s*(?:#|no\.?|number)?\s*(?<n>\d{1,9})\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();

    public async Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var match = Phrase().Match(activity.Text ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var number = long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var caller = await access.IdentifyAsync(ChatReply.Who(activity), cancellationToken);
        var chronology = await reader.ReadAsync(number, caller, IncidentReads.ByCommand, "card", cancellationToken);
        if (chronology is null)
        {
            await ChatReply.SendAsync(connector, activity, NotShown(number), null, cancellationToken);
            return true;
        }

        await ChatReply.SendAsync(connector, activity, $"Incident {number}", cards.Incident(chronology), cancellationToken);
        return true;
    }

    /// <summary>The answer for a number that does not exist and for one the caller may not see: the same words.</summary>
    public static string NotShown(long number) =>
        $"I cannot show you incident {number}. You can see the reports you made; the duty and designated safeguarding leads can see all.";
}
