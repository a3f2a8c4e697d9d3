namespace TriageBot.Dialogs.Runtime;

public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>A dialog is waiting for the person's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended, with a result.</summary>
    Complete,

    /// <summary>The stack was emptied by a cancel.</summary>
    Cancelled,
}
