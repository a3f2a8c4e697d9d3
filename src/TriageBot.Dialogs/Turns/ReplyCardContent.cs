namespace TriageBot.Dialogs.Turns;

/// <summary>
/// Which card draws a reply, and its data, in the dialogs' own terms: one record per kind of card (a step, a checklist
/// question, the summary, the status). The host picks the template for the kind and binds the data; the dialogs know
/// nothing of Adaptive Cards. Button values are the ones the dialogs read back (<see cref="Choice.Value"/>).
/// </summary>
public abstract record ReplyCardContent;
