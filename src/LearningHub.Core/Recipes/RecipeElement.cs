using System.Text.Json;
using System.Text.RegularExpressions;

namespace LearningHub.Core.Recipes;

/// <summary>
/// Reads one JSON object of a recipe step, keeping the path to it so every error names the field
/// (<c>agencies[2].sector</c>). Step handlers read their input only through this.
/// </summary>
public sealed partial class RecipeElement(JsonElement element, string path, Func<string, string, RecipeException> fail)
{
    public JsonElement Json => element;

    public string Path => path;

    public RecipeException Fail(string field, string problem) => fail(Join(field), problem);

    public RecipeException Fail(string problem) => fail(path, problem);

    public bool Has(string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind is not JsonValueKind.Null;

    public string String(string field, int maxLength = 200)
    {
        return OptionalString(field, maxLength) ?? throw Fail(field, "is required and must be text.");
    }

    /// <summary>
    /// A stable key other content refers to (and that may end up in URLs and CSV exports): lowercase
    /// letters and digits in hyphen-separated words, like <paramref name="example"/>.
    /// </summary>
    public string Key(string field = "key", int maxLength = 80, string example = "district-borough-and-city-councils")
    {
        var key = String(field, maxLength);
        return KeyPattern().IsMatch(key)
            ? key
            : throw Fail(field, $"'{key}' must be lowercase letters and digits in words joined by hyphens, like '{example}'.");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    public string? OptionalString(string field, int maxLength = 1000)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Fail(field, "must be text.");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            throw Fail(field, $"must be {maxLength} characters or fewer.");
        }

        return text;
    }

    public bool? OptionalBool(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail(field, "must be true or false."),
        };
    }

    public int? OptionalInt(string field, int min, int max)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            throw Fail(field, $"must be a whole number from {min} to {max}.");
        }

        return number;
    }

    public T Enum<T>(string field) where T : struct, Enum
    {
        var text = String(field, 60);
        if (System.Enum.TryParse<T>(text.Replace(" ", "").Replace("'", "").Replace("(", "").Replace(")", ""), ignoreCase: true, out var parsed)
            && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        throw Fail(field, $"'{text}' is not one of: {string.Join(", ", System.Enum.GetNames<T>())}.");
    }

    /// <summary>The objects of an array field; a missing field is an empty list unless required.</summary>
    public IReadOnlyList<RecipeElement> Objects(string field, bool required = false)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Fail(field, "is required and must be a list.") : [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Fail(field, "must be a list.");
        }

        var items = new List<RecipeElement>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{Join(field)}[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw fail(itemPath, "must be an object.");
            }

            items.Add(new RecipeElement(item, itemPath, fail));
            index++;
        }

        return items;
    }

    public IReadOnlyList<string> Strings(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw Fail(field, "must be a list of text values.");
        }

        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    public RecipeElement? OptionalObject(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? new RecipeElement(value, Join(field), fail)
            : throw Fail(field, "must be an object.");
    }

    private string Join(string field) => string.IsNullOrEmpty(path) ? field : $"{path}.{field}";
}
