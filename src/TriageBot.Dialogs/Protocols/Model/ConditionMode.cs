namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>Whether a condition needs one of its questions or all of them to match.</summary>
public enum ConditionMode
{
    Any,
    All,
}
