using System.Globalization;
using System.Text;
using TriageBot.Chronology;
using TriageBot.Dialogs.Protocols;

namespace TriageBot.Export;

/// <summary>
/// Chronologies as CSV (RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line break quoted and
/// quotes doubled), one event a row, for a school's case-management system or a spreadsheet.
/// </summary>
public static class ChronologyCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "incident_number", "incident_type", "response_level", "incident_status", "event_number", "occurred_at_utc", "event_type",
        "actor_name", "actor_id", "description", "personal_text", "corrects_event",
    ];

    public static string Write(IEnumerable<IncidentChronology> chronologies, ProtocolCatalog catalog)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var chronology in chronologies)
        {
            var incident = chronology.Incident;
            var type = incident.ProtocolId is not null && catalog.Protocol(incident.ProtocolId) is { } protocol ? protocol.Title : string.Empty;
            foreach (var entry in chronology.Entries)
            {
                string[] fields =
                [
                    incident.Number.ToString(CultureInfo.InvariantCulture), type, incident.Level ?? string.Empty, incident.Status,
                    entry.Sequence.ToString(CultureInfo.InvariantCulture), EventDescriptions.Stamp(entry.At), entry.Type, entry.Who,
                    entry.ActorId, entry.What, entry.Personal ?? string.Empty, entry.Corrects?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                ];
                csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
