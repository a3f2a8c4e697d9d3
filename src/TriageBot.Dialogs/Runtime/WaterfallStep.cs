namespace TriageBot.Dialogs.Runtime;

/// <summary>One step of a waterfall: it asks something (and waits) or moves on.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);
