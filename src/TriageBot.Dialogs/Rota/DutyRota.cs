using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Rota;

/// <summary>
/// Who is duty lead when (protocols/rota.yaml): the school day, term dates and closures, a lead and a deputy chain per
/// weekday, an out-of-hours chain, who may decide escalations, and the designated safeguarding channel.
/// </summary>
/// <param name="TimeZone">The school's time zone: "now" is read in it, whatever the server's clock zone.</param>
/// <param name="DesignatedLeads">People who may decide any escalation, whoever is on duty.</param>
public sealed record DutyRota(
    TimeZoneInfo TimeZone,
    TimeOnly DayStarts,
    TimeOnly DayEnds,
    IReadOnlyList<DateRange> Terms,
    IReadOnlyList<DateRange> Closures,
    IReadOnlyList<RotaPerson> People,
    IReadOnlyList<string> DesignatedLeads,
    IReadOnlyList<DutySlot> Duty,
    DutyChain OutOfHours,
    string OutOfHoursInstruction,
    SafeguardingChannel Channel,
    IReadOnlyList<SourceReference> Sources,
    ContentLocation Location)
{
    public RotaPerson? Person(string id) => People.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}

/// <summary>Someone on the rota, reachable in Teams by Entra object id or by email (one of them at least).</summary>
public sealed record RotaPerson(string Id, string Name, string Role, string? AadObjectId, string? Email, string? Phone, ContentLocation Location);

/// <summary>The lead and deputies, in the order an unanswered escalation moves down.</summary>
public sealed record DutyChain(string Lead, IReadOnlyList<string> Deputies, ContentLocation Location)
{
    public IEnumerable<string> InOrder => Deputies.Prepend(Lead);
}

/// <summary>Who is on duty on these weekdays during the school day.</summary>
public sealed record DutySlot(IReadOnlyList<DayOfWeek> Days, DutyChain Chain, ContentLocation Location);

/// <summary>Inclusive dates, with a name for messages ("Autumn term", "October half term").</summary>
public sealed record DateRange(string Name, DateOnly From, DateOnly To, ContentLocation Location)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>The Teams channel where escalations go when nobody can be reached 1:1. The id is set by IT after install.</summary>
public sealed record SafeguardingChannel(string Name, string? ConversationId, ContentLocation Location)
{
    public bool IsSet => !string.IsNullOrWhiteSpace(ConversationId);
}
