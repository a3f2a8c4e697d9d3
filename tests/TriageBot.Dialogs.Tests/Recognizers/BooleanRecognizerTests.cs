using TriageBot.Dialogs.Recognizers;

namespace TriageBot.Dialogs.Tests.Recognizers;

public sealed class BooleanRecognizerTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes.", true)]
    [InlineData("YEAH", true)]
    [InlineData("yep", true)]
    [InlineData("sure", true)]
    [InlineData("ok", true)]
    [InlineData("correct", true)]
    [InlineData("yes she has", true)]
    [InlineData("👍", true)]
    [InlineData("no", false)]
    [InlineData("No!", false)]
    [InlineData("nope", false)]
    [InlineData("nah", false)]
    [InlineData("no she hasn't", false)]
    [InlineData("no, he is fine", false)]
    [InlineData("I don't think so", false)]
    [InlineData("nobody", false)]
    [InlineData("👎", false)]
    [InlineData("yes and no", null)]
    [InlineData("maybe", null)]
    [InlineData("", null)]
    [InlineData("the yard", null)]
    public void RecognisesEverydayYesAndNo(string text, bool? expected) => Assert.Equal(expected, BooleanRecognizer.Recognize(text));
}
