using TriageBot.Cards.Templating;

namespace TriageBot.Tests.Cards;

/// <summary>How expression text is read: precedence as in the Adaptive Expressions grammar, and how strings are split.</summary>
public sealed class TemplateExpressionParserTests
{
    [Theory]
    [InlineData("a < b == c", "a < b == c", typeof(BinaryExpression), "Less")] // == binds tighter than <
    [InlineData("a == b < c", "a == b < c", typeof(BinaryExpression), "Less")]
    [InlineData("a || b && c", "a || b && c", typeof(BinaryExpression), "Or")]
    [InlineData("!a == b", "!a == b", typeof(BinaryExpression), "Equal")]
    [InlineData("a && b || c", "a && b || c", typeof(BinaryExpression), "Or")]
    public void Parse_FollowsTheAdaptiveExpressionsPrecedence(string text, string written, Type root, string op)
    {
        var expression = TemplateExpressionParser.Parse(text);

        Assert.IsType(root, expression);
        Assert.Equal(Enum.Parse<BinaryOperator>(op), ((BinaryExpression)expression).Operator);
        Assert.Equal(written, TemplateExpressionText.Write(expression));
    }

    [Fact]
    public void Parse_LessThanHoldsTheEqualityOnItsRight()
    {
        var expression = (BinaryExpression)TemplateExpressionParser.Parse("a < b == c");

        Assert.IsType<PathExpression>(expression.Left);
        Assert.Equal(BinaryOperator.Equal, Assert.IsType<BinaryExpression>(expression.Right).Operator);
    }

    [Fact]
    public void Parse_PathsWithNamesIndexesAndScopes()
    {
        var path = Assert.IsType<PathExpression>(TemplateExpressionParser.Parse("$root.referrals[0]['service'].name"));

        Assert.Equal("$root", path.Head);
        Assert.Equal(4, path.Segments.Count);
        Assert.Equal("$root.referrals[0]['service'].name", TemplateExpressionText.Write(path));
    }

    [Theory]
    [InlineData("Hello", 1, false, null)]
    [InlineData("${name}", 1, true, "name")]
    [InlineData("${ name }", 1, true, "name")]
    [InlineData("Hi ${name}!", 3, false, null)]
    [InlineData("${'text'}", 1, false, null)]
    [InlineData("\\${name}", 1, false, null)]
    [InlineData("${name", 1, false, null)]
    public void TemplateString_SplitsTextAndExpressions(string text, int parts, bool isSingleExpression, string? written)
    {
        var parsed = TemplateString.Parse(text);

        Assert.Equal(parts, parsed.Parts.Count);
        Assert.Equal(isSingleExpression, parsed.SingleExpression is not null);
        if (written is not null)
        {
            Assert.Equal(written, TemplateExpressionText.Write(parsed.SingleExpression!));
        }
    }

    [Fact]
    public void TemplateString_WithoutAnExpression_IsLeftExactlyAsWritten()
    {
        const string text = "Call 999 \\now, or `text` {here}";

        Assert.Equal(text, Assert.Single(TemplateString.Parse(text).Parts).Text);
    }
}
