namespace TriageBot.Incidents;

/// <summary>Incident event types the host writes about the record itself (not the conversation). Never rename one.</summary>
public static class RecordEventTypes
{
    /// <summary>The incident was closed: the report ended and no follow-up is open.</summary>
    public const string Closed = "incident.closed";

    /// <summary>Someone read the incident (chronology, card, export): who, how.</summary>
    public const string Read = "incident.read";

    /// <summary>Someone asked to read the incident and was refused.</summary>
    public const string ReadRefused = "incident.read_refused";

    /// <summary>A correction or addendum to an earlier event, which it names by sequence number; nothing is edited.</summary>
    public const string Correction = "incident.correction";

    /// <summary>What staff typed about the student was removed after the retention period (its key destroyed).</summary>
    public const string PersonalDataPurged = "incident.personal_data_purged";
}
