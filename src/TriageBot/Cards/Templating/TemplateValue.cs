using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Cards.Templating;

/// <summary>
/// A value while a template is bound: a JSON value (null included) or <em>undefined</em>. The templating language runs
/// on JavaScript semantics, where a missing property (undefined) and a property set to null behave differently: only
/// a missing one is printed back as its <c>${path}</c>.
/// </summary>
internal readonly record struct TemplateValue
{
    private TemplateValue(JsonNode? node, bool isUndefined)
    {
        Node = node;
        IsUndefined = isUndefined;
    }

    public static TemplateValue Undefined { get; } = new(null, isUndefined: true);

    public static TemplateValue Null { get; } = new(null, isUndefined: false);

    /// <summary>The JSON value; null for JSON null and for undefined.</summary>
    public JsonNode? Node { get; }

    public bool IsUndefined { get; }

    public bool IsNullOrUndefined => IsUndefined || Node is null;

    public JsonValueKind Kind => IsUndefined ? JsonValueKind.Undefined : Node?.GetValueKind() ?? JsonValueKind.Null;

    public bool IsNumber => Kind == JsonValueKind.Number;

    public bool IsString => Kind == JsonValueKind.String;

    public bool IsBoolean => Kind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>How conditions read a value: booleans as they are, null and undefined as false, anything else as true (0 and "" too).</summary>
    public bool IsTrue => Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
        _ => true,
    };

    /// <summary>JavaScript's falsy values (undefined, null, false, 0, ""): property access on them finds nothing.</summary>
    public bool IsFalsy => Kind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.Number => AsNumber() == 0,
        JsonValueKind.String => AsString().Length == 0,
        _ => false,
    };

    public static TemplateValue Of(JsonNode? node) => new(node, isUndefined: false);

    public static TemplateValue Of(string text) => new(JsonValue.Create(text), isUndefined: false);

    public static TemplateValue Of(bool value) => new(JsonValue.Create(value), isUndefined: false);

    public static TemplateValue Of(double value) => new(JsonValue.Create(value), isUndefined: false);

    // Numbers come from parsed JSON (any width) or from the evaluator (double): the JSON text reads both the same way.
    public double AsNumber() => double.Parse(Node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public string AsString() => Node!.GetValue<string>();

    /// <summary>What the value reads as inside a longer string, as JavaScript's toString() writes it; null when the binder refuses it.</summary>
    public string? ToInterpolatedText() => Kind switch
    {
        JsonValueKind.String => AsString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => JavaScriptNumberText(AsNumber()),
        _ => null,
    };

    /// <summary>JavaScript's Number.prototype.toString for the numbers cards show; null outside that range.</summary>
    public static string? JavaScriptNumberText(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return null;
        }

        if (Math.Floor(number) == number && Math.Abs(number) < 1e21)
        {
            // Whole numbers never use an exponent below 1e21 in JavaScript; decimal prints every digit.
            return Math.Abs(number) < 7.9e27 ? ((decimal)number).ToString(CultureInfo.InvariantCulture) : null;
        }

        // Shortest round-trip digits, as JavaScript; exponent forms (below 1e-6) are written differently, so refused.
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? null : text;
    }
}
