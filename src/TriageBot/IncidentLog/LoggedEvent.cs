using TriageBot.Dialogs.Incidents;

namespace TriageBot.IncidentLog;

/// <summary>An event as the log holds it: its sequence number (stable, what corrections name) and when it was recorded.</summary>
public sealed record LoggedEvent(long Sequence, DateTimeOffset RecordedAt, IncidentEvent Event);
