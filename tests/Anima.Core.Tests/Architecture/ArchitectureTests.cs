using FluentAssertions;
using Xunit;

namespace Anima.Tests.Architecture;

/// <summary>
/// The shape of the library, as the README's "How it is built" draws it: dependencies run one way, from lower
/// layers to higher (numerics ← stimuli ← reactors/character ← emotions ← metrics ← identity ← agency ← snapshot ←
/// narration/prompting ← engine ← façade), and internal types live in namespaces named after their folder.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly IReadOnlyList<LayerRules.SourceFile> Library = LayerRules.ReadLibrary();

    [Fact]
    public void Library_EveryFolder_HasARankInTheLayerMap()
    {
        Library.Should().NotBeEmpty();
        Library.Select(f => f.Folder).Distinct().Should().OnlyContain(folder => LayerRules.Ranks.ContainsKey(folder));
    }

    [Fact]
    public void Library_NoLowerLayer_ReferencesAHigherOne()
    {
        LayerRules.Violations(Library).Should().BeEmpty();
    }

    [Fact]
    public void Library_InternalTypes_LiveInTheNamespaceOfTheirFolder()
    {
        LayerRules.NamespaceViolations(Library).Should().BeEmpty();
    }

    [Fact]
    public void Library_NoSourceFile_IsLongerThanFourHundredLines()
    {
        Library.Where(f => Lines(f) > 400).Select(f => f.Path).Should().BeEmpty();
    }

    [Fact]
    public void Facade_AnimaCoreAndItsPartials_SitAtTheRootWithinFourHundredLines()
    {
        var facade = Library.Where(f => f.Text.Contains("partial class AnimaCore", StringComparison.Ordinal)).ToList();
        facade.Should().OnlyContain(f => f.Folder.Length == 0, "the façade's partial files sit beside it at the root");
        facade.Sum(Lines).Should().BeLessThanOrEqualTo(400);
    }

    private static int Lines(LayerRules.SourceFile file) => file.Text.Count(c => c == '\n');

    [Fact]
    public void Violations_LowerLayerNamingAHigherType_AreReported()
    {
        var files = new[]
        {
            new LayerRules.SourceFile("Stimuli/Probe.cs", "namespace Anima.Stimuli;\ninternal static class Probe\n{\n    public static object Peek(Intention i) => i;\n}\n"),
            new LayerRules.SourceFile("Agency/Intention.cs", "namespace Anima;\npublic sealed record Intention(double Strength);\n"),
            new LayerRules.SourceFile("Metrics/Meter.cs", "using Anima.Agency;\n\nnamespace Anima.Metrics;\ninternal static class Meter\n{\n}\n"),
        };

        LayerRules.Violations(files).Should().BeEquivalentTo(
            "Stimuli/Probe.cs (Stimuli) uses Intention from Agency",
            "Metrics/Meter.cs (Metrics) imports namespace Anima.Agency (Agency)");
    }

    [Fact]
    public void Violations_HigherTypeNamedOnlyInCommentsOrStrings_AreNotReported()
    {
        var files = new[]
        {
            new LayerRules.SourceFile("Stimuli/Probe.cs", "namespace Anima.Stimuli;\n/// <see cref=\"Intention\"/>\ninternal static class Probe\n{\n    // an Intention\n    public const string Text = \"Intention\";\n    /* Intention */\n}\n"),
            new LayerRules.SourceFile("Agency/Intention.cs", "namespace Anima;\npublic sealed record Intention(double Strength);\n"),
        };

        LayerRules.Violations(files).Should().BeEmpty();
    }

    [Fact]
    public void NamespaceViolations_InternalTypeInTheRootNamespace_IsReported()
    {
        var files = new[]
        {
            new LayerRules.SourceFile("Metrics/Kernel.cs", "namespace Anima;\ninternal static class Kernel\n{\n}\n"),
            new LayerRules.SourceFile("Metrics/Drive.cs", "namespace Anima;\npublic readonly record struct Drive(double Strength);\n"),
        };

        LayerRules.NamespaceViolations(files).Should().Equal("Metrics/Kernel.cs is in namespace Anima; its internal types belong in Anima.Metrics");
    }
}
