using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TriageBot.Access;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Incidents;
using TriageBot.Escalations;
using TriageBot.Incidents;
using TriageBot.IncidentLog;
using TriageBot.Storage;

namespace TriageBot.ChatCommands;

/// <summary>
/// "correct incident 42 event 17: what is right": a correction is a new event that names the one it corrects; nothing
/// in the chronology is edited or deleted. The incident's reporter and the leads may correct; the text is kept
/// encrypted like everything typed about a student.
/// </summary>
public sealed partial class CorrectionCommand(
    IIncidentQueries incidents,
    IIncidentLogStore events,
    IStoreWriter writer,
    IncidentRegister register,
    IncidentAccess access,
    IncidentReads reads,
    IIncidentLogWriter log,
    IConnectorClient connector,
    TimeProvider time) : IChatCommand
{
    public const int MaxLength = 2000;

    [GeneratedRegex(@"^\s*correct(?:ion)?\s+(?:to\s+)?incident\s*#?\s*(?<n>\d{1,9})\s*,?\s*event\s*#?\s*(?<e>\d{1,12})\s*:\s*(?<text>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Phrase();

    public async Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var match = Phrase().Match(activity.Text ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var number = long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var sequence = long.Parse(match.Groups["e"].Value, CultureInfo.InvariantCulture);
        var text = match.Groups["text"].Value.Trim();
        var caller = await access.IdentifyAsync(ChatReply.Who(activity), cancellationToken);
        await register.CatchUpAsync(cancellationToken);

        var incident = await incidents.ByNumberAsync(number, cancellationToken);
        if (incident is null || !IncidentAccess.MayRead(caller, incident))
        {
            if (incident is not null)
            {
                await reads.RecordRefusedAsync(incident.Id, caller.Who, "correction", cancellationToken);
            }

            await ChatReply.SendAsync(connector, activity, IncidentCommand.NotShown(number), null, cancellationToken);
            return true;
        }

        if (text.Length > MaxLength)
        {
            await ChatReply.SendAsync(connector, activity, $"That correction is longer than {MaxLength} characters. Please shorten it.", null, cancellationToken);
            return true;
        }

        // Corrections are rare: reading the incident's rows to find the event is cheap enough.
        if (!(await events.ReadIncidentAsync(incident.Id, cancellationToken)).Any(e => e.Sequence == sequence))
        {
            await ChatReply.SendAsync(connector, activity, $"Incident {number} has no event {sequence}. Type 'incident {number}' to see its event numbers (#N).", null, cancellationToken);
            return true;
        }

        var correction = new IncidentEvent(
            incident.Id, RecordEventTypes.Correction, caller.Who, time.GetUtcNow(), new JsonObject { ["corrects"] = sequence }, new JsonObject { ["text"] = text });
        await writer.WriteAsync(write => log.AppendAsync(write, [correction]), cancellationToken);

        await ChatReply.SendAsync(connector, activity, $"Correction to event {sequence} of incident {number} recorded. The original stays as it was, with your correction next to it.", null, cancellationToken);
        return true;
    }
}
