using System.Text.Json.Nodes;

namespace TriageBot.Cards.Templating;

/// <summary>An expression from inside <c>${...}</c>, parsed: the subset of Adaptive Expressions our card templates use.</summary>
internal abstract record TemplateExpression;

/// <summary>A string, number, true, false or null written in the expression.</summary>
internal sealed record LiteralExpression(JsonValue? Value) : TemplateExpression;

/// <summary>
/// A property path: <c>name</c>, <c>$root.level.name</c>, <c>referrals[0].service</c>, <c>$data</c>, <c>$index</c>.
/// A path that does not start with <c>$root</c>, <c>$data</c> or <c>$index</c> is read from the current <c>$data</c>.
/// </summary>
internal sealed record PathExpression(string Head, IReadOnlyList<PathSegment> Segments) : TemplateExpression;

/// <summary>One step of a path: <c>.name</c> (Name set) or <c>[expression]</c> (Index set).</summary>
internal sealed record PathSegment(string? Name, TemplateExpression? Index);

/// <summary><c>!operand</c>.</summary>
internal sealed record NotExpression(TemplateExpression Operand) : TemplateExpression;

/// <summary><c>left op right</c> for comparisons and <c>&amp;&amp;</c>, <c>||</c>.</summary>
internal sealed record BinaryExpression(BinaryOperator Operator, TemplateExpression Left, TemplateExpression Right) : TemplateExpression;

/// <summary><c>name(arguments)</c> for the functions in <see cref="TemplateFunctions"/>.</summary>
internal sealed record FunctionCallExpression(string Name, IReadOnlyList<TemplateExpression> Arguments) : TemplateExpression;

internal enum BinaryOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
}

/// <summary>The functions the binder knows, with how many arguments each takes.</summary>
internal static class TemplateFunctions
{
    public const string Count = "count";
    public const string Empty = "empty";
    public const string If = "if";
    public const string Join = "join";

    public static IReadOnlyDictionary<string, int> Arity { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [Count] = 1,
        [Empty] = 1,
        [If] = 3,
        [Join] = 2,
    };
}
