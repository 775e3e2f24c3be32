using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Organisation;

/// <summary>The fields of a unit as the forms post them, with their Vietnamese validation messages.</summary>
public sealed class UnitForm
{
    [Required(ErrorMessage = "Hãy nhập tên đơn vị."), StringLength(300, ErrorMessage = "Tên đơn vị tối đa 300 ký tự.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Hãy chọn loại đơn vị.")]
    public string Kind { get; set; } = "";

    public Guid? ParentId { get; set; }

    [StringLength(2000, ErrorMessage = "Các tên khác tối đa 2.000 ký tự.")]
    public string? Aliases { get; set; }

    public Guid Version { get; set; }

    public UnitInput ToInput() => new(VietnameseText.Squash(Name), Kind, ParentId, UnitInput.ParseAliases(Aliases));

    /// <summary>Puts a refusal beside its field (fields of this form are prefixed by <paramref name="prefix"/>).</summary>
    public static void AddError(ModelStateDictionary modelState, string prefix, AdminError error) =>
        modelState.AddModelError(error.Field.Length == 0 ? "" : prefix + "." + error.Field, error.Message);
}
