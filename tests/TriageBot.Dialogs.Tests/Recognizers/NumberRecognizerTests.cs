using TriageBot.Dialogs.Recognizers;

namespace TriageBot.Dialogs.Tests.Recognizers;

public sealed class NumberRecognizerTests
{
    [Theory]
    [InlineData("14", 14)]
    [InlineData("year 9", 9)]
    [InlineData("1,200", 1200)]
    [InlineData("-3", -3)]
    [InlineData("2.5", 2.5)]
    [InlineData("seven", 7)]
    [InlineData("twenty one", 21)]
    [InlineData("twenty-one", 21)]
    [InlineData("ninety nine", 99)]
    [InlineData("forty", 40)]
    [InlineData("a dozen", 12)]
    [InlineData("0", 0)]
    [InlineData("-2.5", -2.5)]
    [InlineData("1,200.5", 1200.5)]
    [InlineData("twenty", 20)]
    [InlineData("Ninety-Nine", 99)]
    [InlineData("thirteen.", 13)]
    [InlineData("two hundred and fifty", 250)]
    [InlineData("fifteen hundred", 1500)]
    [InlineData("one hundred thousand", 100000)]
    [InlineData("three thousand five hundred", 3500)]
    [InlineData("one and a half", 1.5)]
    [InlineData("three four", 3)]
    [InlineData("3-4", 3)]
    [InlineData("10+", 10)]
    [InlineData("two students in year 9", 2)]
    public void RecognisesDigitsAndWords(string text, double expected) =>
        Assert.Equal((decimal)expected, NumberRecognizer.Recognize(text));

    [Theory]
    [InlineData("none of them")]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("1st")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("a couple")]
    public void NoNumber_IsNotRecognised(string text) => Assert.Null(NumberRecognizer.Recognize(text));

    [Theory]
    [InlineData("first", 1)]
    [InlineData("the second one", 2)]
    [InlineData("3rd", 3)]
    [InlineData("tenth", 10)]
    [InlineData("fifth", 5)]
    [InlineData("2nd", 2)]
    [InlineData("last", -1)]
    [InlineData("second last", -2)]
    [InlineData("the last but one", -2)]
    public void RecognisesOrdinals(string text, int expected) => Assert.Equal(expected, NumberRecognizer.RecognizeOrdinal(text));
}
