using System.Text;

namespace TriageBot.Cards.Templating;

internal enum TokenKind
{
    Identifier,
    Number,
    String,
    Dot,
    Comma,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Not,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
    End,
}

/// <summary>A token of an expression; <see cref="Text"/> is the source text, or a string literal's value.</summary>
internal sealed record ExpressionToken(TokenKind Kind, string Text, int Position);

/// <summary>
/// Splits the text inside <c>${...}</c> into tokens, following the Adaptive Expressions lexer for the part we support:
/// identifiers may start with a letter, <c>_</c> or <c>$</c>; numbers are digits with an optional fraction; strings use
/// single or double quotes. Operators outside the subset fail here with a message saying so.
/// </summary>
internal static class ExpressionTokenizer
{
    public static List<ExpressionToken> Tokenize(string text)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n' or '\u00a0' or '\ufeff')
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetter(c) || c is '_' or '$')
            {
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new ExpressionToken(TokenKind.Identifier, text[start..i], start));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                i = Digits(text, i);
                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i = Digits(text, i + 1);
                }

                tokens.Add(new ExpressionToken(TokenKind.Number, text[start..i], start));
                continue;
            }

            if (c is '\'' or '"')
            {
                var (value, end) = StringLiteral(text, i);
                tokens.Add(new ExpressionToken(TokenKind.String, value, start));
                i = end;
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
            var (kind, length) = two switch
            {
                "==" => (TokenKind.Equal, 2),
                "!=" or "<>" => (TokenKind.NotEqual, 2),
                "<=" => (TokenKind.LessOrEqual, 2),
                ">=" => (TokenKind.GreaterOrEqual, 2),
                "&&" => (TokenKind.And, 2),
                "||" => (TokenKind.Or, 2),
                _ => c switch
                {
                    '.' => (TokenKind.Dot, 1),
                    ',' => (TokenKind.Comma, 1),
                    '(' => (TokenKind.OpenParen, 1),
                    ')' => (TokenKind.CloseParen, 1),
                    '[' => (TokenKind.OpenBracket, 1),
                    ']' => (TokenKind.CloseBracket, 1),
                    '!' => (TokenKind.Not, 1),
                    '<' => (TokenKind.Less, 1),
                    '>' => (TokenKind.Greater, 1),
                    _ => throw new FormatException(
                        $"'{c}' at position {i + 1} is not in the expression subset TriageBot's binder supports " +
                        "(paths, string/number/true/false/null, ! == != < <= > >= && ||, count, empty, if, join)"),
                },
            };
            tokens.Add(new ExpressionToken(kind, text.Substring(i, length), start));
            i += length;
        }

        tokens.Add(new ExpressionToken(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static int Digits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    // As Adaptive Expressions: \' (or \") and \\ never end the literal; then \' or \" becomes the quote and
    // \r \n \t \\ become the character. Any other backslash stays as it is.
    private static (string Value, int End) StringLiteral(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length && text[i] != quote)
        {
            i += text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == quote || text[i + 1] == '\\') ? 2 : 1;
        }

        if (i >= text.Length)
        {
            throw new FormatException($"the string starting at position {start + 1} has no closing {quote}");
        }

        var raw = text[(start + 1)..i].Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);
        var value = new StringBuilder(raw.Length);
        for (var j = 0; j < raw.Length; j++)
        {
            if (raw[j] == '\\' && j + 1 < raw.Length && raw[j + 1] is 'r' or 'n' or 't' or '\\')
            {
                value.Append(raw[j + 1] switch { 'r' => '\r', 'n' => '\n', 't' => '\t', _ => '\\' });
                j++;
            }
            else
            {
                value.Append(raw[j]);
            }
        }

        return (value.ToString(), i + 1);
    }
}
