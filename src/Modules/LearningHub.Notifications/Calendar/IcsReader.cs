using System.Globalization;
using System.Text;

namespace LearningHub.Notifications.Calendar;

/// <summary>One property of a component: its name, parameters and raw (still escaped) value.</summary>
/// <param name="Name">Property name, upper case (e.g. <c>DTSTART</c>).</param>
/// <param name="Parameters">Parameters by upper-case name (e.g. <c>CN</c>), values without their surrounding quotes.</param>
/// <param name="Value">The value exactly as written after the colon, once the line is unfolded.</param>
public sealed record IcsProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    /// <summary>The value read as TEXT, with <c>\\ \; \, \n</c> unescaped.</summary>
    public string Text => IcsReader.UnescapeText(Value);

    /// <summary>A parameter's value, or null when it is absent.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>The value read as an INTEGER.</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public int AsInteger() => int.Parse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>The value read as a UTC DATE-TIME (<c>20261121T093000Z</c>), with <see cref="DateTimeKind.Utc"/>.</summary>
    /// <exception cref="FormatException">It is not in UTC form (a floating or TZID time is not accepted).</exception>
    public DateTime AsUtcDateTime() =>
        DateTime.ParseExact(Value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

/// <summary>A BEGIN/END block (VCALENDAR, VEVENT, VALARM...) with its properties and nested components.</summary>
public sealed class IcsComponent
{
    private readonly List<IcsProperty> _properties = [];
    private readonly List<IcsComponent> _components = [];

    internal IcsComponent(string name) => Name = name;

    /// <summary>Component name, upper case.</summary>
    public string Name { get; }

    /// <summary>Properties in the order written.</summary>
    public IReadOnlyList<IcsProperty> Properties => _properties;

    /// <summary>Nested components in the order written.</summary>
    public IReadOnlyList<IcsComponent> Components => _components;

    /// <summary>VEVENT components directly inside this one.</summary>
    public IEnumerable<IcsComponent> Events => ComponentsNamed("VEVENT");

    /// <summary>Nested components with the given name (case-insensitive).</summary>
    public IEnumerable<IcsComponent> ComponentsNamed(string name) =>
        _components.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first property with the given name (case-insensitive), or null.</summary>
    public IcsProperty? Property(string name) =>
        _properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every property with the given name (case-insensitive), e.g. each ATTENDEE.</summary>
    public IEnumerable<IcsProperty> PropertiesNamed(string name) =>
        _properties.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first property with the given name read as TEXT, or null when absent.</summary>
    public string? Text(string name) => Property(name)?.Text;

    internal void Add(IcsProperty property) => _properties.Add(property);

    internal void Add(IcsComponent component) => _components.Add(component);
}

/// <summary>
/// Reads iCalendar text (RFC 5545) into components and properties: enough to check what
/// <see cref="IcsWriter"/> writes and to read calendar feeds in tests. It unfolds lines and unescapes
/// TEXT on request; it does not interpret recurrence, time zones or value types beyond that.
/// </summary>
public static class IcsReader
{
    /// <summary>Parses the top-level components (normally one VCALENDAR).</summary>
    /// <exception cref="FormatException">A line has no value, or BEGIN and END do not match; the message names the line.</exception>
    public static IReadOnlyList<IcsComponent> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var roots = new List<IcsComponent>();
        var open = new Stack<IcsComponent>();
        foreach (var (line, number) in Unfold(text))
        {
            var property = ParseContentLine(line, number);
            if (property.Name == "BEGIN")
            {
                var component = new IcsComponent(property.Value.ToUpperInvariant());
                if (open.TryPeek(out var parent))
                {
                    parent.Add(component);
                }
                else
                {
                    roots.Add(component);
                }

                open.Push(component);
            }
            else if (property.Name == "END")
            {
                if (!open.TryPop(out var closed) || !string.Equals(closed.Name, property.Value, StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"Line {number}: END:{property.Value} does not close the open component ({closed?.Name ?? "none"}).");
                }
            }
            else if (open.TryPeek(out var current))
            {
                current.Add(property);
            }
            else
            {
                throw new FormatException($"Line {number}: property {property.Name} is outside any component.");
            }
        }

        if (open.TryPeek(out var unclosed))
        {
            throw new FormatException($"BEGIN:{unclosed.Name} is never closed.");
        }

        return roots;
    }

    /// <summary>Parses text that must hold exactly one VCALENDAR, and returns it.</summary>
    /// <exception cref="FormatException">It does not.</exception>
    public static IcsComponent ParseCalendar(string text)
    {
        var roots = Parse(text);
        if (roots is not [{ Name: "VCALENDAR" } calendar])
        {
            throw new FormatException($"Expected one VCALENDAR, found: {string.Join(", ", roots.Select(r => r.Name))}.");
        }

        return calendar;
    }

    /// <summary>
    /// Joins folded lines: a line break followed by one space or tab continues the previous line, and
    /// both are removed. Bare LF is accepted as a line break so files edited by hand still read.
    /// </summary>
    /// <returns>Each logical line with the number of the physical line it starts on.</returns>
    public static IEnumerable<(string Line, int Number)> Unfold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = new StringBuilder();
        var start = 0;
        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i];
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && i > 0)
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                yield return (current.ToString(), start);
            }

            current.Clear().Append(line);
            start = i + 1;
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), start);
        }
    }

    /// <summary>Reverses TEXT escaping: <c>\\</c>, <c>\;</c>, <c>\,</c>, and <c>\n</c> or <c>\N</c> as a line feed.</summary>
    public static string UnescapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('\\'))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                var next = value[i + 1];
                switch (next)
                {
                    case '\\' or ';' or ',':
                        result.Append(next);
                        i++;
                        continue;
                    case 'n' or 'N':
                        result.Append('\n');
                        i++;
                        continue;
                }
            }

            // Not a known escape: keep it as written rather than lose text.
            result.Append(c);
        }

        return result.ToString();
    }

    private static IcsProperty ParseContentLine(string line, int number)
    {
        // contentline = name *(";" param) ":" value; a ':' or ';' inside a quoted parameter value
        // does not end it, so scan rather than split.
        var nameEnd = line.AsSpan().IndexOfAny(";:");
        if (nameEnd <= 0)
        {
            throw new FormatException($"Line {number}: '{Shorten(line)}' is not a content line (name:value).");
        }

        var name = line[..nameEnd].ToUpperInvariant();
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = nameEnd;
        while (line[i] == ';')
        {
            var equals = line.IndexOf('=', i + 1);
            if (equals < 0)
            {
                throw new FormatException($"Line {number}: a parameter of {name} has no value.");
            }

            var parameterName = line[(i + 1)..equals].ToUpperInvariant();
            var values = new List<string>();
            i = equals + 1;
            while (true)
            {
                if (i < line.Length && line[i] == '"')
                {
                    var close = line.IndexOf('"', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"Line {number}: parameter {parameterName} of {name} has an unclosed quote.");
                    }

                    values.Add(line[(i + 1)..close]);
                    i = close + 1;
                }
                else
                {
                    var end = line.AsSpan(i).IndexOfAny(";:,");
                    end = end < 0 ? line.Length : i + end;
                    values.Add(line[i..end]);
                    i = end;
                }

                // A comma separates values of a multi-valued parameter (e.g. DELEGATED-TO).
                if (i < line.Length && line[i] == ',')
                {
                    i++;
                    continue;
                }

                break;
            }

            if (i >= line.Length)
            {
                throw new FormatException($"Line {number}: {name} has no ':' before its value.");
            }

            parameters[parameterName] = string.Join(",", values);
        }

        if (line[i] != ':')
        {
            throw new FormatException($"Line {number}: unexpected '{line[i]}' in the parameters of {name}.");
        }

        return new IcsProperty(name, parameters, line[(i + 1)..]);
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "...";
}
