using LearningHub.Theme.Base.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningHub.Media.TagHelpers;

/// <summary>
/// <c>&lt;govuk-file-upload for="Input.File" label="Image" accept="image/*" /&gt;</c>: the GOV.UK file upload
/// field with label, hint and error, like the base theme's other fields. A browser never lets a page
/// refill a file input, so after an error the person chooses the file again (the hint should say so).
/// </summary>
[HtmlTargetElement("govuk-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFileUploadTagHelper : GovukFieldTagHelper
{
    protected override TagBuilder BuildControl(bool hasError)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-file-upload");
        if (hasError)
        {
            input.AddCssClass("govuk-file-upload--error");
        }

        input.Attributes["type"] = "file";
        return input;
    }
}
