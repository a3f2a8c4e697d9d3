using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Detection;

/// <summary>
/// What free text seems to be about: no candidate, one, or several (strongest first). Only a single candidate is
/// clear enough to start a protocol; otherwise the dialog shows the menu of incident types, candidates first.
/// </summary>
public sealed record IncidentDetection(IReadOnlyList<IncidentCandidate> Candidates)
{
    public IncidentProtocol? Clear => Candidates.Count == 1 ? Candidates[0].Protocol : null;

    public bool IsClear => Candidates.Count == 1;

    public bool IsNone => Candidates.Count == 0;
}
