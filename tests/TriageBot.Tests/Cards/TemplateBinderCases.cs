using System.Text.Json.Nodes;

namespace TriageBot.Tests.Cards;

/// <summary>What the C# binder must do with a case compared with adaptivecards-templating.</summary>
internal enum Expected
{
    /// <summary>The same JSON, or both fail.</summary>
    SameAsNpm,

    /// <summary>The npm package writes something meaningless into the card (or quietly drops it); the C# binder refuses with a TemplateException.</summary>
    CSharpRefuses,
}

/// <summary>A small template and what it exercises; bound against <see cref="TemplateBinderCases.Data"/> unless it brings its own.</summary>
internal sealed record BinderCase(string Name, string Template, Expected Expected = Expected.SameAsNpm, string? Data = null);

/// <summary>
/// The binder's expression subset, one feature per case, each run through the C# binder and the npm package. The
/// cases were chosen from adaptivecards-templating's and Adaptive Expressions' documented and observed behaviour,
/// including the odd parts (a missing value printed as its own ${...}, count() of that text, 0 and "" counting as true).
/// </summary>
internal static class TemplateBinderCases
{
    public const string Data = """
        {
          "name": "Sam", "n": 3, "f": 1.5, "big": 100000000000000000000, "small": 0.25, "zero": 0, "empty": "",
          "yes": true, "no": false, "nothing": null, "Mixed": "M", "none": [], "blank": {},
          "items": [ { "a": 1, "label": "first" }, { "a": 2, "label": "second" } ],
          "words": [ "x", "y" ], "one": [ { "label": "only" } ],
          "nested": { "inner": { "deep": "value" } }
        }
        """;

    public static IReadOnlyList<BinderCase> All { get; } =
    [
        // A string that is one ${...} keeps the value's JSON type.
        new("whole string keeps a string", """{ "v": "${name}" }"""),
        new("whole string keeps a number", """{ "v": "${n}", "w": "${f}" }"""),
        new("whole string keeps a boolean", """{ "v": "${yes}", "w": "${no}" }"""),
        new("whole string keeps null", """{ "v": "${nothing}" }"""),
        new("whole string keeps an object and an array", """{ "v": "${nested}", "w": "${items}" }"""),
        new("whole string with a comparison is a boolean", """{ "v": "${count(items) > 1}" }"""),
        new("a lone literal is a string", """{ "v": "${'lit'}", "w": "${42}", "x": "${true}", "y": "${2.50}" }"""),

        // Embedded expressions are written as JavaScript writes them.
        new("embedded values are interpolated", """{ "v": "Hi ${name}, n=${n} f=${f} yes=${yes} no=${no}" }"""),
        new("embedded numbers are written as JavaScript does", """{ "v": "big=${big} small=${small}" }"""),
        new("two expressions side by side make a string", """{ "v": "${name}${n}", "w": " ${name}", "x": "${name} " }"""),
        new("unicode and newlines around expressions", """{ "v": "Café ${name} ✓\nnext line" }"""),

        // Missing values: left as their own ${...} text, in bound values only.
        new("missing value stays as its expression", """{ "v": "${missing}", "w": "Hi ${missing}!" }"""),
        new("missing deeper in a path stays as the whole path", """{ "v": "${nested.nope.deep}", "w": "${nested.inner.nope}", "x": "${items[5].a}" }"""),
        new("missing under $root stays with $root", """{ "v": "${$root.missing}", "w": "a ${$root.missing} b" }"""),
        new("$index outside a repeated element is missing", """{ "v": "${$index}", "w": "i=${$index}" }"""),
        new("count of a missing value counts its text", """{ "v": "${count(missing)}" }"""),

        // Paths.
        new("index and property paths", """{ "v": "${items[1].a}", "w": "${words[0]}", "x": "${nested['inner'].deep}", "y": "${nested.inner['deep']}" }"""),
        new("property names match case-insensitively", """{ "v": "${mixed}", "w": "${MIXED}", "x": "${NAME}" }"""),
        new("an index can be an expression", """{ "v": "${words[zero]}", "w": "${items[n].a}", "x": "${items[zero].label}" }"""),
        new("a path ending in an index that finds nothing disappears", """{ "v": "${nested['nope']}", "w": "${nested.inner['nope']}", "x": 1 }"""),
        new("a path ending in an index reads properties case-insensitively", """{ "v": "${nested['INNER'].deep}", "w": "${$root['mixed']}" }"""),
        new("an index out of range at the end fails", """{ "v": "${words[5]}" }"""),
        new("an index into text fails", """{ "v": "${name[0]}" }"""),
        new("an index into a missing value fails", """{ "v": "${missing[0]}" }"""),
        new("a missing index in a longer string fails", """{ "v": "x ${nested['nope']}" }"""),
        new("an index into a list of lists", """{ "v": "${grid[1][0]}", "w": "${grid[0][1]}" }""", Data: """{ "grid": [ [ 1, 2 ], [ 3, 4 ] ] }"""),
        new("$root and $data at the top", """{ "v": "${$root.name}", "w": "${$data.name}", "x": "${$data.nested.inner.deep}" }"""),

        // Functions.
        new("count of lists, strings and objects", """{ "v": "${count(items)}", "w": "${count(name)}", "x": "${count(blank)}", "y": "${count(none)}" }"""),
        new("empty of each kind", """{ "a": "${empty(missing)}", "b": "${empty(none)}", "c": "${empty(blank)}", "d": "${empty(zero)}", "e": "${empty(empty)}", "f": "${empty(nothing)}", "g": "${empty(name)}", "h": "${empty(items)}" }"""),
        new("if reads 0 and empty text as true, null and missing as false", """{ "a": "${if(yes, 'a', 'b')}", "b": "${if(zero, 'a', 'b')}", "c": "${if(empty, 'a', 'b')}", "d": "${if(missing, 'a', 'b')}", "e": "${if(nothing, 'a', 'b')}", "f": "${if(no, 'a', missing)}" }"""),
        new("if keeps the branch's type", """{ "v": "${if(yes, n, 'none')}", "w": "${if(no, n, items)}" }"""),
        new("join", """{ "v": "${join(words, ', ')}", "w": "${join(none, ', ')}" }"""),
        new("string literals with quotes and braces", """{ "v": "${if(yes, 'it\\'s', 'no')}", "w": "${if(yes, \"dq\", 'no')}", "x": "${if(yes, 'a}b', 'c')}" }"""),

        // Operators.
        new("equality", """{ "a": "${n == 3}", "b": "${name == 'Sam'}", "c": "${name == 'sam'}", "d": "${missing == null}", "e": "${nothing == null}", "f": "${n == '3'}", "g": "${f == 1.5}", "h": "${yes == true}", "i": "${items == items}", "j": "${words != items}" }"""),
        new("inequality with missing values", """{ "a": "${missing != 'x'}", "b": "${missing != null}", "c": "${n != 3 || yes}" }"""),
        new("ordering", """{ "a": "${f < 2}", "b": "${n > 2 && f < 1}", "c": "${missing < 3}", "d": "${'a' < 'b'}", "e": "${n >= 3}", "f": "${n <= 2}", "g": "${nothing > 1}", "h": "${'B' < 'a'}" }"""),
        new("not", """{ "a": "${!yes}", "b": "${!missing}", "c": "${!zero}", "d": "${!empty}", "e": "${!nothing}", "f": "${!(yes && no)}", "g": "${!yes == false}" }"""),
        new("and, or and precedence", """{ "a": "${yes && no || yes}", "b": "${no || no}", "c": "${yes && missing}", "d": "${n == 3 && f < 2 || no}", "e": "${missing || yes}" }"""),

        // $data.
        new("$data on an object switches the data", """{ "v": { "$data": "${nested.inner}", "deep": "${deep}", "root": "${$root.name}" } }"""),
        new("$data with an array repeats the element with $index", """{ "list": [ { "$data": "${items}", "i": "${$index}", "label": "${label}", "root": "${$root.name}", "text": "${$index}: ${label}" } ] }"""),
        new("$data over strings uses $data", """{ "list": [ { "$data": "${words}", "t": "${$data}" } ] }"""),
        new("$data with one item in a property keeps an object", """{ "v": { "$data": "${one}", "l": "${label}" } }"""),
        new("$data with two items in a property makes an array", """{ "v": { "$data": "${items}", "l": "${label}" } }"""),
        new("$data with no items leaves null in a property and nothing in an array", """{ "v": { "$data": "${none}", "l": "x" }, "list": [ { "$data": "${none}", "l": "x" }, 1 ] }"""),
        new("$data missing keeps one copy with missing values", """{ "list": [ { "$data": "${missing}", "t": "${label}" } ] }"""),
        new("$data null keeps one copy with missing values", """{ "list": [ { "$data": "${nothing}", "t": "${label}" } ] }"""),
        new("nested $data restores the outer $index", """{ "outer": [ { "$data": "${items}", "i": "${$index}", "inner": [ { "$data": "${$root.words}", "j": "${$index}", "w": "${$data}" } ], "after": "${$index}" } ] }"""),
        new("$data repeats facts next to fixed ones", """{ "facts": [ { "title": "fixed" }, { "$data": "${items}", "title": "${label}" }, { "title": "last" } ] }"""),

        // $when.
        new("$when keeps exactly true", """{ "list": [ { "$when": "${yes}", "t": 1 }, { "$when": "${no}", "t": 2 }, { "$when": "${missing}", "t": 3 }, { "$when": "${n}", "t": 4 }, { "$when": "${name}", "t": 5 } ] }"""),
        new("$when is read per repeated item", """{ "list": [ { "$data": "${items}", "$when": "${a > 1}", "l": "${label}" } ] }"""),
        new("$when false in a property leaves null", """{ "v": { "$when": "${no}", "t": 1 }, "w": 2 }"""),
        new("$when with a failing comparison is false", """{ "list": [ { "$when": "${name > 1}", "t": 1 }, { "$when": "${count(n) > 0}", "t": 2 } ] }"""),

        // Arrays and plain values.
        new("arrays spread nested arrays and drop null", """{ "a": [ [ 1, 2 ], [ 3 ] ], "b": [ null, 1 ], "c": [ "${nothing}", 2 ], "d": [ "${words}", "z" ] }"""),
        new("numbers, booleans and null are copied", """{ "n": 5, "f": 1.25, "b": true, "z": null, "o": { "deep": [ false ] } }"""),
        new("keys are never expanded", """{ "${name}": "key", "$schema": "kept" }"""),

        // How a string is read: escapes and unfinished expressions.
        new("escaped dollar and backtick", """{ "v": "\\${name}", "w": "$${name}", "x": "\\`${name}" }"""),
        new("unfinished or empty ${ stays as text", """{ "v": "cost: ${", "w": "${name", "x": "${}", "y": "a ${name} and ${" }"""),
        new("other backslashes stay", """{ "v": "a\\nb ${name}", "w": "no expression \\${ here" }"""),
        new("text that only looks like an expression", """{ "v": "{name} ${name}", "w": "$ {name}" }"""),

        // Both fail.
        new("count of a number fails", """{ "v": "${count(n)}" }"""),
        new("null inside a longer string fails", """{ "v": "x ${nothing}" }"""),
        new("comparing a number with a string fails", """{ "v": "${n < 'a'}" }"""),
        new("a backtick in a string with an expression fails", """{ "v": "back`tick ${name}" }"""),
        new("a syntax error fails", """{ "v": "${nested.}" }"""),

        // Where the npm package writes nonsense or quietly ignores a mistake, the C# binder refuses.
        new("an object inside a longer string", """{ "v": "o=${nested}" }""", Expected.CSharpRefuses),
        new("a list inside a longer string", """{ "v": "a=${words}" }""", Expected.CSharpRefuses),
        new("a failing function inside a longer string", """{ "v": "c ${count(n)}" }""", Expected.CSharpRefuses),
        new("an unknown function", """{ "v": "a ${foo(name)}" }""", Expected.CSharpRefuses),
        new("$when that is not an expression", """{ "list": [ { "$when": "yes", "t": 1 } ] }""", Expected.CSharpRefuses),
        new("$when with text around the expression", """{ "list": [ { "$when": "${yes} ", "t": 1 } ] }""", Expected.CSharpRefuses),
        new("$data that is not an expression", """{ "list": [ { "$data": [ 1, 2 ], "t": 1 } ] }""", Expected.CSharpRefuses),
        new("a reserved key as a property", """{ "v": { "$root": 1, "t": 2 } }""", Expected.CSharpRefuses),
        new("unsupported operators", """{ "v": "${n + 1}" }""", Expected.CSharpRefuses),
    ];
}
