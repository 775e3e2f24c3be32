using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RoViec.Web.Features.Organisation;

namespace RoViec.Web.Features.Accounts;

/// <summary>The fields of an account an administrator fills in, with Vietnamese validation messages.</summary>
public class AccountForm
{
    [Required(ErrorMessage = "Hãy nhập họ và tên."), StringLength(200, ErrorMessage = "Họ và tên tối đa 200 ký tự.")]
    public string FullName { get; set; } = "";

    [StringLength(300, ErrorMessage = "Chức vụ tối đa 300 ký tự.")]
    public string? Title { get; set; }

    [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ."), StringLength(256, ErrorMessage = "Địa chỉ thư điện tử quá dài.")]
    public string? Email { get; set; }

    public List<string> Roles { get; set; } = [];

    public Guid? UnitId { get; set; }

    /// <summary>Puts each refusal beside its field; several for one field (password rules) are joined, since a field shows one message.</summary>
    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<AdminError> errors)
    {
        foreach (var field in errors.GroupBy(e => e.Field))
        {
            if (field.Key.Length == 0)
            {
                foreach (var error in field) modelState.AddModelError("", error.Message);
            }
            else
            {
                modelState.AddModelError("Input." + field.Key, string.Join(" ", field.Select(e => e.Message).Distinct()));
            }
        }
    }
}

/// <summary>A new account: the fields above and a user name; the person sets their own password through a one-time link.</summary>
public sealed class NewAccountForm : AccountForm
{
    [Required(ErrorMessage = "Hãy nhập tên đăng nhập."),
     RegularExpression("^[a-z0-9][a-z0-9._-]{2,49}$", ErrorMessage = "Tên đăng nhập dài 3–50 ký tự, chỉ gồm chữ thường không dấu, chữ số và các dấu . _ -")]
    public string UserName { get; set; } = "";
}
