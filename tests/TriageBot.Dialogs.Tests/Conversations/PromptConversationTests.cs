using System.Text.Json.Nodes;
using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Tests.Conversations;

/// <summary>Each prompt on the runtime: asks, re-asks on an answer it cannot use, and hands the answer to the next waterfall step.</summary>
public sealed class PromptConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 18, 14, 40, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Waterfall_CollectsAnswersFromEveryPromptKind_AcrossTurns()
    {
        var conversation = new TestConversation(new PromptBot(new ManualTimeProvider(Now)));

        await conversation.Send("start");
        Assert.Equal("Is anyone hurt?", conversation.Reply.Text);
        Assert.Equal(["Yes", "No"], conversation.Reply.Choices!.Select(c => c.Title));

        await conversation.Send("not sure");
        Assert.Equal("Please answer yes or no.", conversation.Reply.Text);

        await conversation.Send("nope");
        Assert.Equal("How many students are involved?", conversation.Reply.Text);

        await conversation.Send("lots");
        Assert.Equal("Please give a number from 1 to 30.", conversation.Reply.Text);

        await conversation.Send("forty");
        Assert.Equal("Please give a number from 1 to 30.", conversation.Reply.Text);

        await conversation.Send("three");
        Assert.Equal("When did it start?", conversation.Reply.Text);

        await conversation.Send("before lunch");
        Assert.StartsWith("Please give a time", conversation.Reply.Text, StringComparison.Ordinal);

        await conversation.Send("10 minutes ago");
        Assert.Equal("Where?", conversation.Reply.Text);

        await conversation.Press("yard");
        Assert.Equal("Anything else?", conversation.Reply.Text);

        await conversation.Send("   ");
        Assert.Equal("Please type your answer.", conversation.Reply.Text);

        await conversation.Send("It started over a phone");
        Assert.Equal("hurt=false; count=3; at=2026-06-18T14:30:00.0000000+01:00; where=yard; note=It started over a phone", conversation.Reply.Text);
        Assert.Empty(conversation.State.Stack);
    }

    /// <summary>A waterfall that uses every prompt once, for the test above.</summary>
    private sealed class PromptBot(TimeProvider time) : IConversationBot
    {
        private readonly DialogSet _dialogs = new DialogSet()
            .Add(new ConfirmPrompt("confirm"))
            .Add(new NumberPrompt("number", (context, _) => Task.FromResult(context.Value is >= 1 and <= 30)))
            .Add(new DateTimePrompt("when"))
            .Add(new ChoicePrompt("choice"))
            .Add(new TextPrompt("text"))
            .Add(new WaterfallDialog("incident",
            [
                (step, ct) => step.PromptAsync("confirm", new PromptOptions("Is anyone hurt?"), ct),
                (step, ct) => { step.Values["hurt"] = step.Result!.DeepClone(); return step.PromptAsync("number", new PromptOptions("How many students are involved?", RetryPrompt: "Please give a number from 1 to 30."), ct); },
                (step, ct) => { step.Values["count"] = step.Result!.DeepClone(); return step.PromptAsync("when", new PromptOptions("When did it start?"), ct); },
                (step, ct) => { step.Values["at"] = step.Result!.DeepClone(); return step.PromptAsync("choice", new PromptOptions("Where?", Choices: [new("yard", "The yard"), new("hall", "The hall")]), ct); },
                (step, ct) => { step.Values["where"] = step.Result!.DeepClone(); return step.PromptAsync("text", new PromptOptions("Anything else?"), ct); },
                (step, ct) =>
                {
                    step.Context.Send($"hurt={step.Values["hurt"]}; count={step.Values["count"]}; at={step.Values["at"]}; where={step.Values["where"]}; note={step.Result}");
                    return step.EndAsync(null, ct);
                },
            ]));

        public async Task<TurnResult> OnTurnAsync(TurnInput input, DialogState state, CancellationToken cancellationToken)
        {
            var context = new DialogContext(_dialogs, state, input, time);
            if ((await context.ContinueDialogAsync(cancellationToken)).Status == DialogTurnStatus.Empty)
            {
                await context.BeginDialogAsync("incident", null, cancellationToken);
            }

            return new TurnResult(context.State, context.Replies);
        }
    }
}
