using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Cards.Templating;

/// <summary>A value, or why it could not be computed (an error some operators swallow, as the reference does).</summary>
internal readonly record struct Evaluation(TemplateValue Value, string? Error)
{
    public static Evaluation Of(TemplateValue value) => new(value, null);

    public static Evaluation Failed(string error) => new(TemplateValue.Undefined, error);
}

/// <summary>
/// Evaluates <see cref="TemplateExpression"/>s with the semantics of Adaptive Expressions as adaptivecards-templating
/// calls it. Bound values substitute a missing path with its own text (<c>${path}</c>); conditions do not: <c>!</c>,
/// <c>&amp;&amp;</c>, <c>||</c>, the comparisons, <c>empty()</c> and the condition of <c>if()</c> see undefined, and
/// treat an error in an operand as false (<c>!</c> as true). Property names match case-insensitively, first key wins.
/// </summary>
internal sealed class ExpressionEvaluator(DataScope scope, Action<string>? onSubstituted = null)
{
    // Number.EPSILON: numbers this close are equal for ==.
    private const double JavaScriptEpsilon = 2.220446049250313e-16;

    /// <param name="substituteMissing">True for values bound into the card, false for <c>$when</c>.</param>
    public Evaluation Evaluate(TemplateExpression expression, bool substituteMissing) => expression switch
    {
        LiteralExpression literal => Evaluation.Of(TemplateValue.Of(literal.Value)),
        PathExpression path => Path(path, substituteMissing),
        NotExpression not => Evaluate(not.Operand, substituteMissing: false) is { Error: null } operand
            ? Evaluation.Of(TemplateValue.Of(!operand.Value.IsTrue))
            : Evaluation.Of(TemplateValue.Of(true)),
        BinaryExpression { Operator: BinaryOperator.And } and => Evaluation.Of(TemplateValue.Of(
            Evaluate(and.Left, false) is { Error: null, Value.IsTrue: true } && Evaluate(and.Right, false) is { Error: null, Value.IsTrue: true })),
        BinaryExpression { Operator: BinaryOperator.Or } or => Evaluation.Of(TemplateValue.Of(
            Evaluate(or.Left, false) is { Error: null, Value.IsTrue: true } || Evaluate(or.Right, false) is { Error: null, Value.IsTrue: true })),
        BinaryExpression comparison => Compare(comparison),
        FunctionCallExpression call => Call(call, substituteMissing),
        _ => throw new InvalidOperationException($"Unknown expression {expression.GetType().Name}."),
    };

    private Evaluation Path(PathExpression path, bool substituteMissing)
    {
        if (path.Segments is [.., { Index: { } last }])
        {
            return Element(path with { Segments = path.Segments.Take(path.Segments.Count - 1).ToList() }, last, substituteMissing);
        }

        var text = new StringBuilder(path.Head);
        var steps = new List<string>();
        foreach (var segment in path.Segments)
        {
            if (segment.Name is { } name)
            {
                text.Append('.').Append(name);
                steps.Add(name);
                continue;
            }

            // The index is evaluated with the same substitution as the path (Adaptive Expressions' tryAccumulatePath).
            var index = Evaluate(segment.Index!, substituteMissing);
            if (index.Error is not null)
            {
                return index;
            }

            if (index.Value.IsNumber && index.Value.AsNumber() is var number && Math.Floor(number) == number)
            {
                var digits = TemplateValue.JavaScriptNumberText(number) ?? "0";
                text.Append('[').Append(digits).Append(']');
                steps.Add(digits);
            }
            else if (index.Value.IsString)
            {
                text.Append("['").Append(index.Value.AsString()).Append("']");
                steps.Add(index.Value.AsString());
            }
            else
            {
                return Evaluation.Failed($"{Describe(segment.Index!)} doesn't return an int or string");
            }
        }

        var value = Resolve(path.Head, steps);
        if (value.IsUndefined && substituteMissing)
        {
            var substitute = "${" + text + "}";
            onSubstituted?.Invoke(substitute);
            return Evaluation.Of(TemplateValue.Of(substitute));
        }

        return Evaluation.Of(value);
    }

    // A path ending in [index] is Adaptive Expressions' element(): the index is read without substitution, an integer
    // indexes a list (out of range, or not a list, is an error), a string names a property, and a missing result is
    // not substituted (a whole-string value then disappears from the card, as in the package).
    private Evaluation Element(PathExpression instancePath, TemplateExpression indexExpression, bool substituteMissing)
    {
        var instance = Path(instancePath, substituteMissing);
        if (instance.Error is not null)
        {
            return instance;
        }

        var index = Evaluate(indexExpression, substituteMissing: false);
        if (index.Error is not null)
        {
            return index;
        }

        if (index.Value.IsNumber && index.Value.AsNumber() is var number && Math.Floor(number) == number)
        {
            if (instance.Value.IsNullOrUndefined)
            {
                return Evaluation.Of(TemplateValue.Undefined);
            }

            if (instance.Value.Node is not JsonArray array)
            {
                return Evaluation.Failed($"{Describe(instancePath)} is not a collection.");
            }

            return number >= 0 && number < array.Count
                ? Evaluation.Of(TemplateValue.Of(array[(int)number]))
                : Evaluation.Failed($"{TemplateValue.JavaScriptNumberText(number)} is out of range for {Describe(instancePath)}");
        }

        return index.Value.IsString
            ? Evaluation.Of(Step(instance.Value, index.Value.AsString()))
            : Evaluation.Failed($"Could not coerce {Describe(indexExpression)} to an int or string.");
    }

    private TemplateValue Resolve(string head, List<string> steps)
    {
        TemplateValue current;
        if (string.Equals(head, "$root", StringComparison.OrdinalIgnoreCase))
        {
            current = scope.Root;
        }
        else if (string.Equals(head, "$data", StringComparison.OrdinalIgnoreCase))
        {
            current = scope.CurrentData;
        }
        else if (string.Equals(head, "$index", StringComparison.OrdinalIgnoreCase))
        {
            current = scope.Index is { } index ? TemplateValue.Of(index) : TemplateValue.Undefined;
        }
        else
        {
            current = Step(scope.CurrentData, head);
        }

        foreach (var step in steps)
        {
            current = Step(current, step);
        }

        return current;
    }

    // One step of a path, as the package's SimpleObjectMemory takes it: an index into an array, else a property.
    private static TemplateValue Step(TemplateValue current, string step)
    {
        if (current.Node is JsonArray array && LeadingInteger(step) is { } index)
        {
            return index >= 0 && index < array.Count ? TemplateValue.Of(array[index]) : TemplateValue.Undefined;
        }

        if (current.IsFalsy)
        {
            return TemplateValue.Undefined;
        }

        if (current.IsString)
        {
            // JavaScript lists a string's characters as its properties "0", "1", ...
            var text = current.AsString();
            return int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                && position < text.Length
                && step == position.ToString(CultureInfo.InvariantCulture)
                ? TemplateValue.Of(text[position].ToString())
                : TemplateValue.Undefined;
        }

        if (current.Node is JsonObject json)
        {
            foreach (var (key, value) in json)
            {
                if (string.Equals(key, step, StringComparison.OrdinalIgnoreCase))
                {
                    return TemplateValue.Of(value);
                }
            }
        }

        return TemplateValue.Undefined;
    }

    // JavaScript's parseInt, for the digits a path step starts with.
    private static int? LeadingInteger(string step)
    {
        var length = 0;
        while (length < step.Length && char.IsAsciiDigit(step[length]))
        {
            length++;
        }

        return length > 0 && int.TryParse(step.AsSpan(0, Math.Min(length, 9)), out var value) ? value : null;
    }

    private Evaluation Compare(BinaryExpression comparison)
    {
        var left = Evaluate(comparison.Left, substituteMissing: false);
        var right = Evaluate(comparison.Right, substituteMissing: false);
        if (left.Error is not null || right.Error is not null)
        {
            return Evaluation.Of(TemplateValue.Of(false));
        }

        switch (comparison.Operator)
        {
            case BinaryOperator.Equal:
                return Evaluation.Of(TemplateValue.Of(CommonEquals(left.Value, right.Value)));
            case BinaryOperator.NotEqual:
                return Evaluation.Of(TemplateValue.Of(!CommonEquals(left.Value, right.Value)));
        }

        if (left.Value.IsNullOrUndefined || right.Value.IsNullOrUndefined)
        {
            return Evaluation.Of(TemplateValue.Of(false));
        }

        int order;
        if (left.Value.IsNumber && right.Value.IsNumber)
        {
            order = left.Value.AsNumber().CompareTo(right.Value.AsNumber());
        }
        else if (left.Value.IsString && right.Value.IsString)
        {
            order = string.CompareOrdinal(left.Value.AsString(), right.Value.AsString());
        }
        else
        {
            return Evaluation.Failed($"{Describe(comparison.Left)} and {Describe(comparison.Right)} must be comparable");
        }

        return Evaluation.Of(TemplateValue.Of(comparison.Operator switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        }));
    }

    private static bool CommonEquals(TemplateValue left, TemplateValue right)
    {
        if (left.IsNullOrUndefined || right.IsNullOrUndefined)
        {
            return left.IsNullOrUndefined && right.IsNullOrUndefined;
        }

        if (left.IsNumber && right.IsNumber)
        {
            return Math.Abs(left.AsNumber() - right.AsNumber()) < JavaScriptEpsilon || left.AsNumber() == right.AsNumber();
        }

        if (left.Kind != right.Kind)
        {
            return false;
        }

        return left.Kind switch
        {
            JsonValueKind.String => string.Equals(left.AsString(), right.AsString(), StringComparison.Ordinal),
            JsonValueKind.True or JsonValueKind.False => true,
            _ => JsonNode.DeepEquals(left.Node, right.Node),
        };
    }

    private Evaluation Call(FunctionCallExpression call, bool substituteMissing)
    {
        switch (call.Name)
        {
            case TemplateFunctions.If:
                var condition = Evaluate(call.Arguments[0], substituteMissing: false);
                return Evaluate(call.Arguments[condition is { Error: null, Value.IsTrue: true } ? 1 : 2], substituteMissing);
            case TemplateFunctions.Empty:
                return Evaluation.Of(TemplateValue.Of(Evaluate(call.Arguments[0], substituteMissing: false) is { Error: null } operand
                    && IsEmpty(operand.Value) is true));
            case TemplateFunctions.Count:
                return Count(call, substituteMissing);
            case TemplateFunctions.Join:
                return Join(call, substituteMissing);
            default:
                return Evaluation.Failed($"Unknown function {call.Name}");
        }
    }

    // empty(): null, undefined, "", [] and {} are empty; a number or boolean is an error, which empty() reads as false.
    private static bool? IsEmpty(TemplateValue value) => value.Kind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => value.AsString().Length == 0,
        JsonValueKind.Array => value.Node!.AsArray().Count == 0,
        JsonValueKind.Object => value.Node!.AsObject().Count == 0,
        _ => null,
    };

    private Evaluation Count(FunctionCallExpression call, bool substituteMissing)
    {
        var operand = Evaluate(call.Arguments[0], substituteMissing);
        if (operand.Error is not null)
        {
            return operand;
        }

        return operand.Value.Kind switch
        {
            JsonValueKind.String => Evaluation.Of(TemplateValue.Of(operand.Value.AsString().Length)),
            JsonValueKind.Array => Evaluation.Of(TemplateValue.Of(operand.Value.Node!.AsArray().Count)),
            JsonValueKind.Object => Evaluation.Of(TemplateValue.Of(operand.Value.Node!.AsObject().Count)),
            JsonValueKind.Null => Evaluation.Failed("Cannot convert undefined or null to object"),
            _ => Evaluation.Failed($"{Describe(call)} must be a string, list, map or object."),
        };
    }

    private Evaluation Join(FunctionCallExpression call, bool substituteMissing)
    {
        var list = Evaluate(call.Arguments[0], substituteMissing);
        if (list.Error is not null)
        {
            return list;
        }

        var separator = Evaluate(call.Arguments[1], substituteMissing);
        if (separator.Error is not null)
        {
            return separator;
        }

        if (list.Value.Node is not JsonArray items)
        {
            return Evaluation.Failed($"{Describe(call.Arguments[0])} evaluates to {list.Value.Node?.ToJsonString() ?? "nothing"} which is not a list.");
        }

        if (!separator.Value.IsString)
        {
            return Evaluation.Failed($"{Describe(call.Arguments[1])} is not a string");
        }

        var texts = new List<string>();
        foreach (var item in items)
        {
            var value = TemplateValue.Of(item);
            if (value.IsNullOrUndefined)
            {
                texts.Add(string.Empty);
            }
            else if (value.ToInterpolatedText() is { } text)
            {
                texts.Add(text);
            }
            else
            {
                return Evaluation.Failed($"{Describe(call.Arguments[0])} holds {item!.ToJsonString()}, which join() does not turn into text here");
            }
        }

        return Evaluation.Of(TemplateValue.Of(string.Join(separator.Value.AsString(), texts)));
    }

    private static string Describe(TemplateExpression expression) => TemplateExpressionText.Write(expression);
}
