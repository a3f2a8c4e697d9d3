namespace TriageBot.Dialogs.Protocols.Detection;

/// <summary>
/// Why a matched type is not taken as clear: the words around it deny it, imagine it, or tell it of someone else.
/// Staff are then asked to choose (the type offered first), never a protocol chosen silently.
/// </summary>
public enum DetectionHedge
{
    None,

    /// <summary>"she doesn't want to die", "he has never self-harmed".</summary>
    Negated,

    /// <summary>"what if she tried to kill herself", "worried he might run away".</summary>
    Hypothetical,

    /// <summary>"her friend is self-harming", "his brother was stabbed": the student in front of staff may not be the one.</summary>
    ThirdParty,
}
