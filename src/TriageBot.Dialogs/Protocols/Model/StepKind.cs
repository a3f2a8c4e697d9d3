namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>The shape of a protocol step.</summary>
public enum StepKind
{
    /// <summary>An instruction the member of staff confirms (done / not possible / not applicable).</summary>
    Action,

    /// <summary>A question whose answers branch to other steps.</summary>
    Question,

    /// <summary>Runs a checklist; its result sets a response level and may branch.</summary>
    Checklist,
}
