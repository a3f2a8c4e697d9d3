using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TriageBot.Access;
using TriageBot.Admin;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Protocols;

namespace TriageBot.ChatCommands;

/// <summary>
/// "export incident 42 [as json]", "export incidents 2026-11-01 to 2026-11-30 [as json]" and "outcomes" (leads only):
/// answered with a one-time download link (<see cref="DownloadLinks"/>), since Teams cannot take a file from a bot in
/// a chat without more permissions. The reads are recorded when the link is used.
/// </summary>
public sealed partial class ExportCommand(
    IncidentAccess access,
    DownloadLinks links,
    ProtocolCatalog catalog,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<ExportCommand> logger) : IChatCommand
{
    [GeneratedRegex(@"^\s*export\s+incident\s*#?\s*(?<n>\d{1,9})(?:\s+as\s+(?<format>csv|json))?\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneIncident();

    [GeneratedRegex(@"^\s*export\s+incidents\s+(?:from\s+)?(?<from>\S+)\s+to\s+(?<to>\S+?)(?:\s+as\s+(?<format>csv|json))?\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Period();

    [GeneratedRegex(@"^\s*(?:show\s+)?outcomes\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Outcomes();

    public async Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var text = activity.Text ?? string.Empty;
        var one = OneIncident().Match(text);
        var period = one.Success ? Match.Empty : Period().Match(text);
        var outcomes = one.Success || period.Success ? Match.Empty : Outcomes().Match(text);
        if (!one.Success && !period.Success && !outcomes.Success)
        {
            return false;
        }

        var caller = await access.IdentifyAsync(ChatReply.Who(activity), cancellationToken);
        if (!caller.IsLead)
        {
            LogRefused();
            await ChatReply.SendAsync(connector, activity, "Only the duty and designated safeguarding leads can export incidents or see outcomes. Type 'my reports' for yours.", null, cancellationToken);
            return true;
        }

        if (!links.CanLink)
        {
            await ChatReply.SendAsync(connector, activity, "Downloads are not set up: IT needs to set Admin:PublicBaseUrl to the bot's public address.", null, cancellationToken);
            return true;
        }

        var spec = new JsonObject
        {
            ["byId"] = caller.Who.Id,
            ["byName"] = caller.Who.Name,
            ["byAadObjectId"] = caller.Who.AadObjectId,
        };
        string what;
        if (one.Success)
        {
            spec["kind"] = "incident";
            spec["number"] = long.Parse(one.Groups["n"].Value, CultureInfo.InvariantCulture);
            spec["format"] = Format(one);
            what = $"incident {one.Groups["n"].Value} ({Format(one)})";
        }
        else
        {
            var fromText = period.Success ? period.Groups["from"].Value : null;
            var toText = period.Success ? period.Groups["to"].Value : null;
            var range = DateRangeQuery.Read(fromText, toText, catalog.Rota.TimeZone, time.GetUtcNow());
            if (range.Problem is { } problem)
            {
                await ChatReply.SendAsync(connector, activity, problem.Detail + " Write it like: export incidents 2026-11-01 to 2026-11-30", null, cancellationToken);
                return true;
            }

            spec["kind"] = period.Success ? "range" : "outcomes";
            spec["from"] = range.From.ToString("O", CultureInfo.InvariantCulture);
            spec["to"] = range.To.ToString("O", CultureInfo.InvariantCulture);
            spec["format"] = period.Success ? Format(period) : "html";
            what = period.Success ? $"incidents opened {fromText} to {toText} ({Format(period)})" : "the outcomes page for the last 365 days";
        }

        var link = await links.CreateAsync(spec, caller.Who.Name ?? caller.Who.Id, cancellationToken);
        await ChatReply.SendAsync(connector, activity, $"Here is {what}: {link} (works once, for a few minutes; keep the file somewhere safe).", null, cancellationToken);
        return true;
    }

    private static string Format(Match match) => match.Groups["format"].Success ? match.Groups["format"].Value.ToLowerInvariant() : "csv";

    [LoggerMessage(1821, LogLevel.Warning, "An export or outcomes request by someone who is not a lead was refused")]
    private partial void LogRefused();
}
