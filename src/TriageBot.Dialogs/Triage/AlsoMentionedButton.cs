using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// The button offered at the end of a report for another incident its first message told of ("he ran away because his
/// dad hits him": abuse after missing). Its value carries the protocol and the report it came from, so the new report
/// is linked to the first on the record. A value that names no protocol or a malformed report id is not trusted.
/// </summary>
internal static class AlsoMentionedButton
{
    private const string Prefix = "also:";

    public static Choice For(IncidentProtocol protocol, string fromIncidentId) =>
        new($"{Prefix}{protocol.Id}:{fromIncidentId}", TriageTexts.ReportAlsoMentionedButton(protocol.Title));

    /// <summary>The protocol a pressed value asks for and the report it came from (null when the id is not one of ours).</summary>
    public static bool TryRead(string? value, ProtocolCatalog catalog, out IncidentProtocol protocol, out string? fromIncidentId)
    {
        protocol = null!;
        fromIncidentId = null;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value[Prefix.Length..].Split(':');
        if (catalog.Protocol(parts[0]) is not { } found)
        {
            return false;
        }

        protocol = found;
        fromIncidentId = parts.Length == 2 && IsIncidentId(parts[1]) ? parts[1] : null;
        return true;
    }

    // Incident ids are Guid.ToString("N"): exactly that form, lower case, round-trips.
    private static bool IsIncidentId(string text) => Guid.TryParseExact(text, "N", out var id) && id.ToString("N") == text;
}
