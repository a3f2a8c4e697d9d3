using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Detection;

/// <summary>An incident type the text may be about, and the trigger phrases that matched.</summary>
/// <param name="Hedge">Why the text may not mean it (denied, imagined, of someone else); <see cref="DetectionHedge.None"/> when plain.</param>
public sealed record IncidentCandidate(IncidentProtocol Protocol, IReadOnlyList<string> MatchedTriggers, DetectionHedge Hedge = DetectionHedge.None);
