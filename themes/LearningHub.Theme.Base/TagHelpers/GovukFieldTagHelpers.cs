using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningHub.Theme.Base.TagHelpers;

/// <summary>
/// GOV.UK form fields bound to a model property: label, hint, error message and control, with the
/// value the user typed kept when the page is shown again with errors.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Shows the label as the page heading (GOV.UK question page with one field).</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;

    protected string Id => FieldIds.For(For.Name);

    protected string? Error =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    protected string? Value =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model?.ToString();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var describedBy = new List<string>();
        var html = new HtmlContentBuilder();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;

        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label");
        if (LabelClass is not null)
        {
            label.AddCssClass(LabelClass);
        }

        label.Attributes["for"] = Id;
        label.InnerHtml.Append(Label ?? For.Metadata.GetDisplayName());
        html.AppendHtml(label);

        GovukFieldMessages.AppendHintAndError(html, Id, Hint, error, describedBy);

        var control = BuildControl(error is not null);
        control.Attributes["id"] = Id;
        control.Attributes["name"] = Name;
        if (describedBy.Count > 0)
        {
            control.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        foreach (var attribute in output.Attributes.Where(a => a.Name is not ("class" or "for")).ToList())
        {
            control.Attributes[attribute.Name] = attribute.Value?.ToString();
            output.Attributes.Remove(attribute);
        }

        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        html.AppendHtml(control);
        output.Content.SetHtmlContent(html);
    }

    protected abstract TagBuilder BuildControl(bool hasError);
}

/// <summary><c>&lt;govuk-input for="Input.Email" label="Work email" type="email" autocomplete="email" /&gt;</c></summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
/// <summary>The GOV.UK hint and error message of a field or fieldset, shared by every field tag helper.</summary>
internal static class GovukFieldMessages
{
    /// <summary>Appends the hint and error message (either may be absent) and records their ids for aria-describedby.</summary>
    public static void AppendHintAndError(IHtmlContentBuilder html, string id, string? hintText, string? error, List<string> describedBy)
    {
        if (hintText is not null)
        {
            var hint = new TagBuilder("div");
            hint.AddCssClass("govuk-hint");
            hint.Attributes["id"] = $"{id}-hint";
            hint.InnerHtml.Append(hintText);
            html.AppendHtml(hint);
            describedBy.Add($"{id}-hint");
        }

        if (error is not null)
        {
            var message = new TagBuilder("p");
            message.AddCssClass("govuk-error-message");
            message.Attributes["id"] = $"{id}-error";
            message.InnerHtml.AppendHtml("<span class=\"govuk-visually-hidden\">Error:</span> ");
            message.InnerHtml.Append(error);
            html.AppendHtml(message);
            describedBy.Add($"{id}-error");
        }
    }
}

public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("width-class")]
    public string? WidthClass { get; set; }

    protected override TagBuilder BuildControl(bool hasError)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-input");
        if (WidthClass is not null)
        {
            input.AddCssClass(WidthClass);
        }

        if (hasError)
        {
            input.AddCssClass("govuk-input--error");
        }

        input.Attributes["type"] = Type;
        if (Type == "email")
        {
            input.Attributes["spellcheck"] = "false";
        }

        // A password is never sent back to the browser, even to redisplay a page with errors.
        if (Type != "password" && Value is { } value)
        {
            input.Attributes["value"] = value;
        }

        return input;
    }
}

/// <summary><c>&lt;govuk-textarea for="Input.TextBody" label="Plain text" rows="8" /&gt;</c></summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    protected override TagBuilder BuildControl(bool hasError)
    {
        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass("govuk-textarea");
        if (hasError)
        {
            textarea.AddCssClass("govuk-textarea--error");
        }

        textarea.InnerHtml.Append(Value ?? "");
        return textarea;
    }
}

/// <summary><c>&lt;govuk-select for="Input.AgencyId" items="Model.Agencies" label="Agency" /&gt;</c></summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("placeholder")]
    public string Placeholder { get; set; } = "Choose one";

    protected override TagBuilder BuildControl(bool hasError)
    {
        var select = new TagBuilder("select");
        select.AddCssClass("govuk-select");
        if (hasError)
        {
            select.AddCssClass("govuk-select--error");
        }

        var selected = Value;
        var placeholder = new TagBuilder("option");
        placeholder.Attributes["value"] = "";
        placeholder.InnerHtml.Append(Placeholder);
        select.InnerHtml.AppendHtml(placeholder);
        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            option.Attributes["value"] = item.Value;
            if (string.Equals(item.Value, selected, StringComparison.OrdinalIgnoreCase))
            {
                option.Attributes["selected"] = "selected";
            }

            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }

        return select;
    }
}

/// <summary>
/// The GOV.UK error summary for the page's model state: each error links to its field's id, so
/// choosing it moves focus to the field.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // GOV.UK lists errors in the order the fields appear, which is the order the input model declares them.
        var metadata = ViewContext.ViewData.ModelMetadata;
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (Key: e.Key, Message: e.Value!.Errors[0].ErrorMessage))
            .OrderBy(e => FieldPosition(metadata, e.Key), FieldPositionComparer.Instance)
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");

        var encoder = HtmlEncoder.Default;
        var html = new HtmlContentBuilder();
        html.AppendHtml("<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (key, message) in errors)
        {
            // Errors not tied to a field (key "") are listed without a link.
            html.AppendHtml(string.IsNullOrEmpty(key)
                ? $"<li>{encoder.Encode(message)}</li>"
                : $"<li><a href=\"#{encoder.Encode(FieldIds.For(key))}\">{encoder.Encode(message)}</a></li>");
        }

        html.AppendHtml("</ul></div></div>");
        output.Content.SetHtmlContent(html);
    }

    /// <summary>The position of each property along a dotted key ("Input.Email" → [0, 1]); unknown parts sort last.</summary>
    private static int[] FieldPosition(ModelMetadata metadata, string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return [-1];
        }

        var positions = new List<int>();
        var current = metadata;
        foreach (var part in key.Split('.'))
        {
            var properties = current.Properties.ToList();
            var index = properties.FindIndex(p => string.Equals(p.PropertyName, part, StringComparison.Ordinal));
            if (index < 0)
            {
                positions.Add(int.MaxValue);
                break;
            }

            positions.Add(index);
            current = properties[index];
        }

        return positions.ToArray();
    }

    private sealed class FieldPositionComparer : IComparer<int[]>
    {
        public static readonly FieldPositionComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}

public static class FieldIds
{
    /// <summary>The element id for a model state key, as the field tag helpers render it.</summary>
    public static string For(string name) => TagBuilder.CreateSanitizedId(name, "_");
}
