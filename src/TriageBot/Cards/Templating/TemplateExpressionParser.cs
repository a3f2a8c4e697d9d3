using System.Globalization;
using System.Text.Json.Nodes;

namespace TriageBot.Cards.Templating;

/// <summary>
/// Parses the text inside <c>${...}</c>. Precedence follows the Adaptive Expressions grammar, tightest first:
/// <c>!</c>, then <c>== !=</c>, then <c>&lt; &lt;= &gt; &gt;=</c>, then <c>&amp;&amp;</c>, then <c>||</c>
/// (so <c>a &lt; b == c</c> is <c>a &lt; (b == c)</c>, as in the JavaScript package). Anything outside the subset is
/// refused when the template is loaded rather than evaluated differently from the reference.
/// </summary>
internal sealed class TemplateExpressionParser
{
    private static readonly HashSet<string> ScopeNames = new(StringComparer.OrdinalIgnoreCase) { "$root", "$data", "$index" };

    private readonly List<ExpressionToken> _tokens;
    private int _next;

    private TemplateExpressionParser(string text)
    {
        _tokens = ExpressionTokenizer.Tokenize(text);
    }

    /// <summary>The expression, or a <see cref="FormatException"/> saying what is wrong and where.</summary>
    public static TemplateExpression Parse(string text)
    {
        var parser = new TemplateExpressionParser(text);
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw new FormatException("the expression is empty");
        }

        var expression = parser.Or();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Unexpected("an operator or the end of the expression");
        }

        return expression;
    }

    private ExpressionToken Peek => _tokens[_next];

    private TemplateExpression Or() => LeftAssociative(And, (TokenKind.Or, BinaryOperator.Or));

    private TemplateExpression And() => LeftAssociative(Relational, (TokenKind.And, BinaryOperator.And));

    private TemplateExpression Relational() => LeftAssociative(
        Equality,
        (TokenKind.Less, BinaryOperator.Less),
        (TokenKind.LessOrEqual, BinaryOperator.LessOrEqual),
        (TokenKind.Greater, BinaryOperator.Greater),
        (TokenKind.GreaterOrEqual, BinaryOperator.GreaterOrEqual));

    private TemplateExpression Equality() => LeftAssociative(
        Unary,
        (TokenKind.Equal, BinaryOperator.Equal),
        (TokenKind.NotEqual, BinaryOperator.NotEqual));

    private TemplateExpression LeftAssociative(Func<TemplateExpression> operand, params (TokenKind Token, BinaryOperator Operator)[] operators)
    {
        var left = operand();
        while (true)
        {
            var match = Array.FindIndex(operators, o => o.Token == Peek.Kind);
            if (match < 0)
            {
                return left;
            }

            _next++;
            left = new BinaryExpression(operators[match].Operator, left, operand());
        }
    }

    private TemplateExpression Unary()
    {
        if (Peek.Kind == TokenKind.Not)
        {
            _next++;
            return new NotExpression(Unary());
        }

        return Primary();
    }

    private TemplateExpression Primary()
    {
        var token = Take();
        TemplateExpression primary;
        switch (token.Kind)
        {
            case TokenKind.Number:
                primary = new LiteralExpression(JsonValue.Create(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)));
                break;
            case TokenKind.String:
                primary = new LiteralExpression(JsonValue.Create(token.Text));
                break;
            case TokenKind.OpenParen:
                primary = Or();
                Expect(TokenKind.CloseParen, "')'");
                break;
            case TokenKind.Identifier when token.Text is "true" or "false":
                primary = new LiteralExpression(JsonValue.Create(token.Text == "true"));
                break;
            case TokenKind.Identifier when token.Text == "null":
                primary = new LiteralExpression(null);
                break;
            case TokenKind.Identifier when Peek.Kind == TokenKind.OpenParen:
                return FunctionCall(token);
            case TokenKind.Identifier:
                return Path(token);
            default:
                _next--;
                throw Unexpected("a value, a path or a function call");
        }

        if (Peek.Kind is TokenKind.Dot or TokenKind.OpenBracket or TokenKind.OpenParen)
        {
            throw new FormatException($"'{Peek.Text}' at position {Peek.Position + 1}: only names can be followed by '.', '[' or '('");
        }

        return primary;
    }

    private PathExpression Path(ExpressionToken head)
    {
        if (head.Text.StartsWith('$') && !ScopeNames.Contains(head.Text))
        {
            throw new FormatException($"'{head.Text}' is not known (names starting with $ are $root, $data and $index)");
        }

        if (head.Text == "undefined")
        {
            throw new FormatException("'undefined' is not supported");
        }

        var segments = new List<PathSegment>();
        while (true)
        {
            if (Peek.Kind == TokenKind.Dot)
            {
                _next++;
                var name = Expect(TokenKind.Identifier, "a property name after '.'");
                segments.Add(new PathSegment(name.Text, null));
            }
            else if (Peek.Kind == TokenKind.OpenBracket)
            {
                _next++;
                var index = Or();
                Expect(TokenKind.CloseBracket, "']'");
                segments.Add(new PathSegment(null, index));
            }
            else if (Peek.Kind == TokenKind.OpenParen)
            {
                throw new FormatException($"'(' at position {Peek.Position + 1}: only a function name can be called");
            }
            else
            {
                return new PathExpression(head.Text, segments);
            }
        }
    }

    private FunctionCallExpression FunctionCall(ExpressionToken name)
    {
        if (!TemplateFunctions.Arity.TryGetValue(name.Text, out var arity))
        {
            throw new FormatException(
                $"the function '{name.Text}' is not supported (supported: {string.Join(", ", TemplateFunctions.Arity.Keys)})");
        }

        Expect(TokenKind.OpenParen, "'('");
        var arguments = new List<TemplateExpression>();
        if (Peek.Kind != TokenKind.CloseParen)
        {
            arguments.Add(Or());
            while (Peek.Kind == TokenKind.Comma)
            {
                _next++;
                arguments.Add(Or());
            }
        }

        Expect(TokenKind.CloseParen, "',' or ')'");
        if (arguments.Count != arity)
        {
            throw new FormatException($"{name.Text}() takes {arity} argument{(arity == 1 ? "" : "s")}, not {arguments.Count}");
        }

        if (Peek.Kind is TokenKind.Dot or TokenKind.OpenBracket)
        {
            throw new FormatException($"'{Peek.Text}' at position {Peek.Position + 1}: a function's result cannot be indexed here");
        }

        return new FunctionCallExpression(name.Text, arguments);
    }

    private ExpressionToken Take() => _tokens[_next++];

    private ExpressionToken Expect(TokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw Unexpected(what);
        }

        return Take();
    }

    private FormatException Unexpected(string expected) => Peek.Kind == TokenKind.End
        ? new FormatException($"the expression ends where {expected} was expected")
        : new FormatException($"'{Peek.Text}' at position {Peek.Position + 1} where {expected} was expected");
}
