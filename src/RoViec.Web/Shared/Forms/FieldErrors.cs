using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace RoViec.Web.Shared.Forms;

/// <summary>
/// Ties each field's error message to its field for screen readers (WCAG 1.3.1, 3.3.1): the message written by
/// <c>asp-validation-for</c> gets an id ("{field id}-loi"), and a field written by <c>asp-for</c> that has an error gets
/// <c>aria-invalid="true"</c> and <c>aria-describedby</c> naming that message. One place for every form of the site;
/// every visible field written with <c>asp-for</c> has its <c>asp-validation-for</c> message (or, on the few pages that
/// write their own messages, an element with that id), which <c>FieldErrorTests</c> checks in the page sources.
/// </summary>
public abstract class FieldErrorTagHelper : TagHelper
{
    /// <summary>The field, as the framework's tag helper on the same element names it (asp-for, asp-validation-for).</summary>
    public abstract ModelExpression For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    // After the framework's tag helpers (order -1000), which write the field and its message.
    public override int Order => 0;

    private string FullName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    /// <summary>The id of the field's error message: the field's own id with "-loi" ("Input_Name-loi").</summary>
    protected string MessageId => TagBuilder.CreateSanitizedId(FullName, "_") + "-loi";

    protected bool HasError => ViewContext.ViewData.ModelState.TryGetValue(FullName, out var entry) && entry.Errors.Count > 0;
}

/// <summary>Gives the error message of <c>asp-validation-for</c> the id its field points at.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
[HtmlTargetElement("div", Attributes = "asp-validation-for")]
public sealed class FieldErrorMessageTagHelper : FieldErrorTagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public override ModelExpression For { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.Attributes.ContainsName("id")) output.Attributes.SetAttribute("id", MessageId);
    }
}

/// <summary>Marks a field written by <c>asp-for</c> that has an error: <c>aria-invalid</c>, and <c>aria-describedby</c> naming its message.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldErrorReferenceTagHelper : FieldErrorTagHelper
{
    [HtmlAttributeName("asp-for")]
    public override ModelExpression For { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // Hidden fields are not read; a checkbox's only error is a forged value.
        if (output.Attributes["type"]?.Value?.ToString() is "hidden" or "checkbox" || !HasError) return;
        var existing = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(existing) ? MessageId : existing + " " + MessageId);
        output.Attributes.SetAttribute("aria-invalid", "true");
    }
}
