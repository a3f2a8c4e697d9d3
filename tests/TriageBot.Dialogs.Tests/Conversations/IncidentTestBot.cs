using System.Text.Json.Nodes;
using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs.Tests.Conversations;

/// <summary>
/// A bot for runtime tests: the real help and cancel commands in front of a waterfall that uses every prompt once,
/// and a dialog that takes over cancel to ask for a reason.
/// </summary>
internal static class IncidentTestBot
{
    public const string Incident = "incident";
    public const string AskReasonOnCancel = "reasonOnCancel";

    public static readonly WelcomeTexts Texts = new("999");

    public static DialogBot Create(TimeProvider time, string startDialogId = Incident) => new(
        new DialogSet()
            .Add(new ConfirmPrompt("confirm"))
            .Add(new NumberPrompt("number", InRangeAsync))
            .Add(new DateTimePrompt("when", (context, _) => Task.FromResult(context.Value <= context.Context.Time.GetLocalNow())))
            .Add(new ChoicePrompt("choice"))
            .Add(new TextPrompt("text"))
            .Add(IncidentWaterfall())
            .Add(new ReasonOnCancelDialog())
            .Add(new WaterfallDialog("replacer",
            [
                (step, ct) => step.Context.ReplaceDialogAsync(AskReasonOnCancel, null, ct),
            ])),
        GlobalCommands.Standard(Texts),
        time,
        startDialogId,
        _ => null);

    // The range travels in the prompt's options, so the validator itself stays a stateless function.
    private static Task<bool> InRangeAsync(PromptValidatorContext<decimal> context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Validations is { } range
            && context.Value >= range["min"]!.GetValue<decimal>()
            && context.Value <= range["max"]!.GetValue<decimal>());

    private static WaterfallDialog IncidentWaterfall() => new(Incident,
    [
        (step, ct) => step.PromptAsync("confirm", new PromptOptions("Is anyone hurt?"), ct),
        (step, ct) =>
        {
            step.Values["hurt"] = step.Result!.DeepClone();
            return step.PromptAsync("number", new PromptOptions(
                "How many students are involved?",
                RetryPrompt: "Please give a number from 1 to 30.",
                Validations: new JsonObject { ["min"] = 1, ["max"] = 30 }), ct);
        },
        (step, ct) =>
        {
            step.Values["count"] = step.Result!.DeepClone();
            return step.PromptAsync("when", new PromptOptions("When did it start?"), ct);
        },
        (step, ct) =>
        {
            step.Values["at"] = step.Result!.DeepClone();
            return step.PromptAsync("choice", new PromptOptions("Where?", Choices: [new("yard", "Front playground"), new("hall", "Sports hall"), new("back", "Back playground")]), ct);
        },
        (step, ct) =>
        {
            step.Values["where"] = step.Result!.DeepClone();
            return step.PromptAsync("text", new PromptOptions("Anything else?"), ct);
        },
        async (step, ct) =>
        {
            await step.SendAsync($"hurt={step.Values["hurt"]}; count={step.Values["count"]}; at={step.Values["at"]}; where={step.Values["where"]}; note={step.Result}", ct);
            return await step.EndAsync(null, ct);
        },
    ]);

    /// <summary>Asks what happened; a cancel while it runs is taken over to ask why, as incident dialogs will.</summary>
    private sealed class ReasonOnCancelDialog() : WaterfallDialog(AskReasonOnCancel,
    [
        (step, ct) => step.PromptAsync("text", new PromptOptions("What happened?"), ct),
        async (step, ct) =>
        {
            await step.SendAsync($"Noted: {step.Result}", ct);
            return await step.EndAsync(null, ct);
        },
    ])
    {
        private const string CancellingKey = "cancelling";

        public override async Task<bool> OnCancelRequestedAsync(DialogContext context, CancellationToken cancellationToken)
        {
            if (context.ActiveInstance!.State[CancellingKey] is not null)
            {
                return false;
            }

            context.ActiveInstance.State[CancellingKey] = true;
            await context.BeginDialogAsync("text", new PromptOptions("Why are you cancelling?").ToJson(), cancellationToken);
            return true;
        }

        public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext context, JsonNode? result, CancellationToken cancellationToken)
        {
            if (context.ActiveInstance!.State[CancellingKey] is null)
            {
                return await base.ResumeDialogAsync(context, result, cancellationToken);
            }

            await context.SendAsync($"Cancelled. Reason recorded: {result}", cancellationToken);
            return await context.EndDialogAsync(null, cancellationToken);
        }
    }
}
