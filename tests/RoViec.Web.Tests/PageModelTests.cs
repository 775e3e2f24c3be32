using Microsoft.AspNetCore.Mvc.RazorPages;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RoViec.Web.Tests;

/// <summary>
/// Page models ask use cases; they do not query or save through the DbContext themselves. Read from the compiled code
/// (Mono.Cecil, which NetArchTest reads with): a call in a page model's methods — its async state machines and lambdas
/// included — to a member of the DbContext or of a DbSet. Passing the DbContext on to a use case is not touching it.
/// </summary>
public sealed class PageModelTests
{
    /// <summary>
    /// Page models allowed to touch the DbContext themselves: none. (The list was the way out of the old house: 26 page
    /// models when the rule was written, emptied one by one; it stays so that an exception, if ever needed, is named.)
    /// </summary>
    private static readonly string[] StillTouching = [];

    [Fact]
    public void Page_models_reach_the_database_only_through_use_cases()
    {
        var touching = PageModelsTouchingTheDbContext();

        var added = touching.Except(StillTouching, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var gone = StillTouching.Except(touching, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0, "Trang gọi thẳng DbContext thay vì một use case (page models touching the DbContext): " + string.Join(", ", added));
        Assert.True(gone.Count == 0, "Trang không còn gọi DbContext, hãy bỏ khỏi danh sách (no longer touching; take off the list): " + string.Join(", ", gone));
    }

    [Fact]
    public void The_reader_sees_a_page_model_that_queries_the_DbContext()
    {
        // This test class's own probe below queries the DbContext as a page model would.
        using var tests = ModuleDefinition.ReadModule(typeof(PageModelTests).Assembly.Location);
        var probe = Touches(tests.GetType(typeof(ProbePage).FullName!.Replace('+', '/')));

        Assert.True(probe, "the reader missed a DbContext query in a page model");
    }

    internal sealed class ProbePage(RoViec.Data.RoViecDbContext db) : PageModel
    {
        public int Count { get; private set; }

        public async Task OnGetAsync() => Count = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Plans);
    }

    private static HashSet<string> PageModelsTouchingTheDbContext()
    {
        var web = typeof(RoViec.Web.Shared.Access.CurrentUser).Assembly;
        using var module = ModuleDefinition.ReadModule(web.Location);
        var pages = web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        Assert.True(pages.Count > 30, "the page models were not found");
        const string Features = "RoViec.Web.Features.";
        return [.. module.Types.Where(t => pages.Contains(t.FullName)).Where(Touches)
            .Select(t => t.FullName.StartsWith(Features, StringComparison.Ordinal) ? t.FullName[Features.Length..] : t.FullName)];
    }

    /// <summary>Whether a type's methods, or its nested types' (state machines, closures), call the DbContext or a DbSet.</summary>
    private static bool Touches(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions).Any(IsDatabaseCall)
        || type.NestedTypes.Any(Touches);

    private static bool IsDatabaseCall(Instruction instruction) =>
        (instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt || instruction.OpCode == OpCodes.Ldftn)
        && instruction.Operand is MethodReference method && IsDatabaseType(method.DeclaringType);

    private static bool IsDatabaseType(TypeReference type) =>
        type.FullName is "RoViec.Data.RoViecDbContext" or "Microsoft.EntityFrameworkCore.DbContext"
        || type.Namespace == "Microsoft.AspNetCore.Identity.EntityFrameworkCore" && type.Name.StartsWith("IdentityDbContext", StringComparison.Ordinal)
        || (type.Namespace == "Microsoft.EntityFrameworkCore" && type.Name.StartsWith("DbSet", StringComparison.Ordinal));
}
