using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Detection;

/// <summary>
/// What free text seems to be about: no candidate, one, or several (a named member of staff first, then what the
/// words plainly say, then the more urgent). Only a single candidate that
/// the words do not deny, imagine or tell of someone else is clear enough to start a protocol; otherwise the dialog
/// shows the menu of incident types, candidates first.
/// </summary>
public sealed record IncidentDetection(IReadOnlyList<IncidentCandidate> Candidates)
{
    public IncidentProtocol? Clear => IsClear ? Candidates[0].Protocol : null;

    public bool IsClear => Candidates.Count == 1 && Candidates[0].Hedge == DetectionHedge.None;

    public bool IsNone => Candidates.Count == 0;

    /// <summary>The types the words plainly tell of (not denied, imagined or of someone else), most urgent first.</summary>
    public IReadOnlyList<IncidentProtocol> Plain => Candidates.Where(c => c.Hedge == DetectionHedge.None).Select(c => c.Protocol).ToList();
}
