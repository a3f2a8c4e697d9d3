using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Detection;

/// <summary>An incident type the text may be about, and the trigger phrases that matched.</summary>
public sealed record IncidentCandidate(IncidentProtocol Protocol, IReadOnlyList<string> MatchedTriggers);
