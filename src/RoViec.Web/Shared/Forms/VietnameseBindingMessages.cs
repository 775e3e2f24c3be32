using Microsoft.AspNetCore.Mvc;

namespace RoViec.Web.Shared.Forms;

/// <summary>Model binding's own messages ("The value 'x' is not valid") in Vietnamese, for every form.</summary>
public static class VietnameseBindingMessages
{
    public static void Apply(MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{value}\" không hợp lệ.");
        m.SetMissingBindRequiredValueAccessor(field => "Thiếu giá trị bắt buộc.");
        m.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị bắt buộc.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Yêu cầu không có nội dung.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Hãy nhập một số.");
        m.SetUnknownValueIsInvalidAccessor(field => "Giá trị không hợp lệ.");
        m.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        m.SetValueMustBeANumberAccessor(field => "Hãy nhập một số.");
        m.SetValueMustNotBeNullAccessor(value => "Không được để trống.");
    }
}
