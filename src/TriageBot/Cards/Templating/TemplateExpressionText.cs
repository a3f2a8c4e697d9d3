using System.Globalization;
using System.Text.Json;

namespace TriageBot.Cards.Templating;

/// <summary>Writes a parsed expression back as text, for error messages.</summary>
internal static class TemplateExpressionText
{
    public static string Write(TemplateExpression expression) => expression switch
    {
        LiteralExpression { Value: null } => "null",
        LiteralExpression { Value: var value } when value.GetValueKind() == JsonValueKind.String =>
            "'" + value.GetValue<string>().Replace("'", "\\'", StringComparison.Ordinal) + "'",
        LiteralExpression literal => literal.Value.ToJsonString(),
        PathExpression path => path.Head + string.Concat(path.Segments.Select(segment =>
            segment.Name is { } name ? "." + name : "[" + Write(segment.Index!) + "]")),
        NotExpression not => "!" + Write(not.Operand),
        BinaryExpression binary => $"{Write(binary.Left)} {Symbol(binary.Operator)} {Write(binary.Right)}",
        FunctionCallExpression call => call.Name + "(" + string.Join(", ", call.Arguments.Select(Write)) + ")",
        _ => expression.GetType().Name,
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.And => "&&",
        BinaryOperator.Or => "||",
        _ => op.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
