using System.Text;
using TriageBot.Access;
using TriageBot.Chronology;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Export;

/// <summary>A file to hand over: its bytes, type and name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Exports chronologies for callers already allowed to see everything (a lead's one-time link, the admin API): one
/// incident or every incident opened in a period, as CSV or JSON. Each incident exported is recorded as read.
/// </summary>
public sealed class ChronologyExporter(ChronologyReader reader, ProtocolCatalog catalog)
{
    /// <summary>One incident; null when there is no such number.</summary>
    public async Task<ExportFile?> IncidentAsync(long number, ExportFormat format, Participant who, string how, CancellationToken cancellationToken)
    {
        var everything = new Caller(who, null, IsLead: true);
        var chronology = await reader.ReadAsync(number, everything, how, Formats(format), cancellationToken);
        return chronology is null ? null : File([chronology], format, $"incident-{number}");
    }

    public async Task<ExportFile> RangeAsync(DateTimeOffset from, DateTimeOffset to, ExportFormat format, Participant who, string how, CancellationToken cancellationToken)
    {
        var chronologies = await reader.ReadRangeAsync(from, to, who, how, Formats(format), cancellationToken);
        return File(chronologies, format, $"incidents-{from.UtcDateTime:yyyyMMdd}-{to.UtcDateTime:yyyyMMdd}");
    }

    private ExportFile File(IReadOnlyList<IncidentChronology> chronologies, ExportFormat format, string name)
    {
        var text = format == ExportFormat.Csv
            ? ChronologyCsv.Write(chronologies, catalog)
            : ChronologyJson.Write(chronologies, catalog).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        return new ExportFile(Encoding.UTF8.GetBytes(text), ExportFormats.ContentType(format), $"{name}.{ExportFormats.Extension(format)}");
    }

    private static string Formats(ExportFormat format) => ExportFormats.Extension(format);
}
