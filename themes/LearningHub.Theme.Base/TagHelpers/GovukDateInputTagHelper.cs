using LearningHub.Core.Validation;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningHub.Theme.Base.TagHelpers;

/// <summary>
/// The GOV.UK date input for a <see cref="DateInput"/> (day, month, year), and the same layout for a
/// <see cref="TimeInput"/> (hour, minute): <c>&lt;govuk-date-input for="Input.Date" legend="Date" /&gt;</c>.
/// The error under the field's key is shown once for the group; only the boxes it is about are marked, and
/// the first of them carries the field's id, so the error summary's link moves focus to the box to correct.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("govuk-time-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("legend")]
    public string Legend { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var input = (IPartedInput)(For.Model ?? Activator.CreateInstance(For.Metadata.ModelType)!);
        var id = FieldIds.For(For.Name);
        var error = ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;
        var parts = input.Parts;
        var wrong = error is null ? [] : input.PartsInError();
        // An error about the whole value (not a real date, before the start) marks every box.
        bool Marked(InputPart part) => error is not null && (wrong.Count == 0 || wrong.Contains(part.Name));
        var firstMarked = parts.FirstOrDefault(Marked) ?? parts[0];

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var describedBy = new List<string>();
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        fieldset.Attributes["role"] = "group";

        var legend = new TagBuilder("legend");
        legend.AddCssClass("govuk-fieldset__legend");
        if (LegendClass is not null)
        {
            legend.AddCssClass(LegendClass);
        }

        legend.InnerHtml.Append(Legend);
        fieldset.InnerHtml.AppendHtml(legend);

        GovukFieldMessages.AppendHintAndError(fieldset.InnerHtml, id, Hint, error, describedBy);

        if (describedBy.Count > 0)
        {
            fieldset.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        var boxes = new TagBuilder("div");
        boxes.AddCssClass("govuk-date-input");
        foreach (var part in parts)
        {
            var partId = ReferenceEquals(part, firstMarked) ? id : $"{id}_{part.Name}";
            var item = new TagBuilder("div");
            item.AddCssClass("govuk-date-input__item");
            var group = new TagBuilder("div");
            group.AddCssClass("govuk-form-group");
            var label = new TagBuilder("label");
            label.AddCssClass("govuk-label govuk-date-input__label");
            label.Attributes["for"] = partId;
            label.InnerHtml.Append(part.Label);
            var box = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            box.AddCssClass("govuk-input govuk-date-input__input");
            box.AddCssClass(part.WidthClass);
            if (Marked(part))
            {
                box.AddCssClass("govuk-input--error");
            }

            box.Attributes["id"] = partId;
            box.Attributes["name"] = $"{For.Name}.{part.Name}";
            box.Attributes["type"] = "text";
            box.Attributes["inputmode"] = "numeric";
            if (part.Value is not null)
            {
                box.Attributes["value"] = part.Value;
            }

            group.InnerHtml.AppendHtml(label);
            group.InnerHtml.AppendHtml(box);
            item.InnerHtml.AppendHtml(group);
            boxes.InnerHtml.AppendHtml(item);
        }

        fieldset.InnerHtml.AppendHtml(boxes);
        var html = new HtmlContentBuilder();
        html.AppendHtml(fieldset);
        output.Content.SetHtmlContent(html);
    }
}
