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
    [InlineData("2.", "selfharm")]
    [InlineData("number 2", "selfharm")]
    [InlineData("option two", "selfharm")]
    [InlineData("Option Two", "selfharm")]
    [InlineData("5th", "abuse")]
    [InlineData("number 3", "panic")]
    [InlineData("option 1", "suicide")]
    [InlineData("second", "selfharm")]
    [InlineData("the last one", "abuse")]
    [InlineData("second last", "violence")]
    [InlineData("last but one", "violence")]
    [InlineData("Self-harm", "selfharm")]
    [InlineData("self-harm.", "selfharm")]
    [InlineData("panic attack or acute anxiety", "panic")]
    [InlineData("wants to die", "suicide")]
    [InlineData("knife", "violence")]
    [InlineData("CUTTING", "selfharm")]
    [InlineData("panic", "panic")]
    [InlineData("a weapon", "violence")]
    [InlineData("violence", "violence")]
    public void PicksTheChoiceMeant(string text, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Incidents).Choice?.Value);

    [Theory]
    [InlineData("9")]
    [InlineData("0")]
    [InlineData("the weather")]
    [InlineData("number 12")]
    [InlineData("99999999999")]
    [InlineData("he said he wants a knife to stop the panic")]
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

    [Fact]
    public void ASynonymSharedByTwoChoices_PicksNeither()
    {
        Choice[] choices = [new("nurse", "School nurse", ["first aid"]), new("firstaider", "Trained first aider", ["first aid"])];

        var match = ChoiceRecognizer.Recognize("first aid", choices);

        Assert.True(match.IsAmbiguous);
        Assert.Equal(["nurse", "firstaider"], match.Candidates.Select(c => c.Value));
    }

    [Fact]
    public void PanicPicksTheOnlyTitleWithThatWord()
    {
        Choice[] choices = [new("panic", "Panic attack / acute anxiety"), new("selfharm", "Self-harm")];

        Assert.Equal("panic", ChoiceRecognizer.Recognize("panic", choices).Choice?.Value);
    }
}
