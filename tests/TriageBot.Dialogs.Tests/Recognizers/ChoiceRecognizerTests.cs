using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Tests.Recognizers;

public sealed class ChoiceRecognizerTests
{
    private static readonly Choice[] Incidents =
    [
        new("suicide", "Suicidal thoughts or talk of suicide", ["wants to die"]),
        new("selfharm", "Self-harm", ["cutting"]),
        new("panic", "Panic attack or acute anxiety"),
        new("violence", "Violence, threat or weapon", ["knife", "fight"]),
        new("abuse", "Disclosure or signs of abuse"),
    ];

    [Theory]
    [InlineData("2", "selfharm")]
    [InlineData("number 3", "panic")]
    [InlineData("option 1", "suicide")]
    [InlineData("second", "selfharm")]
    [InlineData("the last one", "abuse")]
    [InlineData("Self-harm", "selfharm")]
    [InlineData("self-harm.", "selfharm")]
    [InlineData("panic attack or acute anxiety", "panic")]
    [InlineData("wants to die", "suicide")]
    [InlineData("knife", "violence")]
    [InlineData("panic", "panic")]
    [InlineData("a weapon", "violence")]
    [InlineData("violence", "violence")]
    public void PicksTheChoiceMeant(string text, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Incidents).Choice?.Value);

    [Theory]
    [InlineData("9")]
    [InlineData("0")]
    [InlineData("the weather")]
    [InlineData("")]
    public void NothingFits_NothingIsPicked(string text) => Assert.Null(ChoiceRecognizer.Recognize(text, Incidents).Choice);

    [Fact]
    public void AWordInTwoChoices_PicksNeither_AndNamesBoth()
    {
        Choice[] choices = [new("a", "Call the school nurse"), new("b", "Call the duty lead")];

        var match = ChoiceRecognizer.Recognize("call", choices);

        Assert.Null(match.Choice);
        Assert.Equal(["a", "b"], match.Candidates.Select(c => c.Value));
    }
}
