namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>What a member of staff can answer to an instruction.</summary>
public enum ConfirmOption
{
    Done,

    /// <summary>Could not be done: the dialog asks why and records the reason.</summary>
    NotPossible,

    NotApplicable,
}
