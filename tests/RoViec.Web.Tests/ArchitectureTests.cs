using System.Reflection;
using NetArchTest.Rules;

namespace RoViec.Web.Tests;

/// <summary>
/// The house rules that keep the code readable as it grows: the domain depends on nothing, and features
/// (RoViec.Web.Features.*) do not depend on each other in loops. Dependencies are read from the compiled code
/// (NetArchTest, which reads method bodies too), not from using directives.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Web = typeof(RoViec.Web.Shared.Access.CurrentUser).Assembly;
    private const string Features = "RoViec.Web.Features.";

    [Fact]
    public void The_domain_references_only_the_base_library()
    {
        var domain = typeof(RoViec.Domain.Units.UnitKind).Assembly;

        var references = domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal),
            $"RoViec.Domain tham chiếu {name}: miền nghiệp vụ chỉ dùng thư viện cơ sở (the domain references only the base library)"));
        Assert.DoesNotContain(references, n => n.StartsWith("RoViec", StringComparison.Ordinal) || n.StartsWith("Microsoft", StringComparison.Ordinal));
    }

    [Fact]
    public void Features_do_not_depend_on_each_other_in_loops()
    {
        var graph = FeatureGraph();

        var loops = Cycles(graph).ToList();

        Assert.True(graph.Count > 15, "the features were not found");
        // The graph is read at all: the official report reads the period's figures.
        Assert.Contains("Figures", graph["OfficialReports"]);
        // Each group's edges, so a failure says which dependency ties it.
        var edges = loops.SelectMany(l => l.Split(", ")).SelectMany(f => graph[f].Where(t => loops.Any(l => l.Split(", ").Contains(f) && l.Split(", ").Contains(t))).Select(t => $"{f} → {t}"));
        Assert.True(loops.Count == 0,
            $"Các tính năng phụ thuộc vòng (features in loops): {string.Join(" | ", loops)}{Environment.NewLine}{string.Join(Environment.NewLine, edges)}");
    }

    [Fact]
    public void The_shared_plumbing_knows_no_feature()
    {
        var offenders = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("RoViec.Web.Shared")
            .Should().NotHaveDependencyOn("RoViec.Web.Features").GetResult().FailingTypes?.Select(t => t.FullName) ?? [];

        Assert.True(Types.InAssembly(Web).That().ResideInNamespaceStartingWith("RoViec.Web.Shared").GetTypes().Count() > 10, "the shared plumbing was not found");
        Assert.True(!offenders.Any(), "Phần dùng chung phụ thuộc vào một tính năng (shared plumbing depends on a feature): " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_loop_finder_finds_a_loop_and_nothing_in_a_chain()
    {
        var chain = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = [] };
        var loop = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };

        Assert.Empty(Cycles(chain));
        Assert.Equal(["A, B, C"], Cycles(loop));
    }

    /// <summary>Feature → the features its types use.</summary>
    private static Dictionary<string, HashSet<string>> FeatureGraph()
    {
        var typesOf = Web.GetTypes().Where(t => t.Namespace?.StartsWith(Features, StringComparison.Ordinal) == true && t.FullName is not null)
            .GroupBy(t => t.Namespace![Features.Length..].Split('.')[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.FullName!).ToArray(), StringComparer.Ordinal);
        var graph = typesOf.Keys.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        // Read once; each query below filters the same loaded types.
        var all = Types.InAssembly(Web);
        foreach (var from in typesOf.Keys)
            foreach (var to in typesOf.Keys.Where(n => n != from))
                // By the other feature's type names, so that "Api" does not also match "ApiTokens".
                if (all.That().ResideInNamespaceMatching($"^{Regex(Features + from)}(\\..*)?$")
                        .And().HaveDependencyOnAny(typesOf[to]).GetTypes().Any())
                    graph[from].Add(to);
        return graph;
    }

    private static string Regex(string name) => System.Text.RegularExpressions.Regex.Escape(name);

    /// <summary>
    /// The groups of features tied by loops (strongly connected components with more than one member, Tarjan's
    /// algorithm), each written as its members in order ("A, B, C").
    /// </summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var groups = new List<string>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph[node])
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next)) low[node] = Math.Min(low[node], seen);
            }
            if (low[node] != index[node]) return;
            var members = new List<string>();
            string member;
            do members.Add(member = stack.Pop()); while (member != node);
            if (members.Count > 1) groups.Add(string.Join(", ", members.Order(StringComparer.Ordinal)));
        }
        foreach (var node in graph.Keys.Where(n => !index.ContainsKey(n))) Visit(node);
        return groups;
    }
}
