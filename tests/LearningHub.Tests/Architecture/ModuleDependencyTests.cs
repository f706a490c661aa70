using System.Reflection;

namespace LearningHub.Tests.Architecture;

/// <summary>
/// Dependencies point one way (docs/architecture.md): Core &lt;- Notifications, Media &lt;- Forms &lt;- Cases,
/// Events &lt;- Impact; Media &lt;- Content; Recipes and Web may see all; themes see only Core and the base theme. The navigation
/// contract is Core's; modules still render with the base theme's UI kit (the GOV.UK field tag
/// helpers, which Media's file upload extends), so they may see the base theme, never a board's theme.
/// Read from the compiled assemblies' references, so a stray project reference fails here.
/// </summary>
public sealed class ModuleDependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["LearningHub.Core"] = [],
        ["LearningHub.Notifications"] = ["LearningHub.Core", "LearningHub.Theme.Base"],
        ["LearningHub.Media"] = ["LearningHub.Core", "LearningHub.Theme.Base"],
        ["LearningHub.Forms"] = ["LearningHub.Core", "LearningHub.Theme.Base", "LearningHub.Notifications", "LearningHub.Media"],
        ["LearningHub.Cases"] = ["LearningHub.Core", "LearningHub.Theme.Base", "LearningHub.Notifications", "LearningHub.Media", "LearningHub.Forms"],
        ["LearningHub.Events"] = ["LearningHub.Core", "LearningHub.Theme.Base", "LearningHub.Notifications", "LearningHub.Media", "LearningHub.Forms"],
        // Impact reads across the learning modules (reach, change, the annual report); Cases shows its figures through Core.
        ["LearningHub.Impact"] = ["LearningHub.Core", "LearningHub.Theme.Base", "LearningHub.Forms", "LearningHub.Cases", "LearningHub.Events"],
        // The board's own pages, home page and news: images from Media; featured modules and events through Core's IFeaturedLearning.
        ["LearningHub.Content"] = ["LearningHub.Core", "LearningHub.Theme.Base", "LearningHub.Media"],
        ["LearningHub.Theme.Base"] = ["LearningHub.Core"],
        ["LearningHub.Theme.Norfolk"] = ["LearningHub.Core", "LearningHub.Theme.Base"],
        ["LearningHub.Theme.Essex"] = ["LearningHub.Core", "LearningHub.Theme.Base"],
    };

    /// <summary>Every LearningHub assembly the host loads, found from the host's own references.</summary>
    private static IReadOnlyList<Assembly> LearningHubAssemblies()
    {
        var found = new Dictionary<string, Assembly>();
        var pending = new Queue<Assembly>([typeof(Program).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("LearningHub.", StringComparison.Ordinal)))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }

        return found.Values.ToList();
    }

    [Fact]
    public void Every_module_references_only_what_it_may()
    {
        var assemblies = LearningHubAssemblies();
        Assert.Contains(assemblies, a => a.GetName().Name == "LearningHub.Recipes");

        foreach (var assembly in assemblies)
        {
            var name = assembly.GetName().Name!;
            if (name is "LearningHub.Web" or "LearningHub.Recipes")
            {
                continue;
            }

            Assert.True(Allowed.TryGetValue(name, out var allowed), $"{name} is not in the dependency map: add it to docs/architecture.md and this test.");
            var references = assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(r => r.StartsWith("LearningHub.", StringComparison.Ordinal));
            var forbidden = references.Except(allowed).ToList();
            Assert.True(forbidden.Count == 0, $"{name} must not reference {string.Join(", ", forbidden)}");
        }
    }

    [Fact]
    public void Core_sees_no_module()
    {
        var core = LearningHubAssemblies().Single(a => a.GetName().Name == "LearningHub.Core");

        Assert.DoesNotContain(core.GetReferencedAssemblies(), r => r.Name!.StartsWith("LearningHub.", StringComparison.Ordinal));
    }
}
