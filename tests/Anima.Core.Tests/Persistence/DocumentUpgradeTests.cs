using System.Text.Json.Nodes;
using Anima.Persistence;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Persistence;

public sealed class DocumentUpgradeTests
{
    [Fact]
    public void FromVersion1_MovesEachMemberToItsSection_AndFillsWhatVersion1LeftOut()
    {
        var v1 = new JsonObject
        {
            ["format"] = "anima-agent",
            ["version"] = 1,
            ["profile"] = "default",
            ["levels"] = new JsonArray(0.1, 0.2),
            ["soul"] = new JsonArray(1, 0, 0),
            ["lastTime"] = "2026-01-02T03:04:05+00:00",
            ["conversation"] = new JsonArray(),
            ["snapshot"] = new JsonObject { ["primary"] = "Calm" },
            ["memories"] = null,
        };

        var v2 = DocumentUpgrade.FromVersion1(v1, 12);

        ((int)v2["version"]!).Should().Be(2);
        var sections = v2["sections"]!.AsObject();
        ((string)sections["agent"]!["profile"]!).Should().Be("default");
        sections["reactors"]!["levels"]!.AsArray().Should().HaveCount(2);
        sections["reactors"]!["soulLearning"]!.AsArray().Select(n => (double)n!).Should().Equal(0, 0, 0);
        ((string)sections["reactors"]!["lastContact"]!).Should().Be("2026-01-02T03:04:05+00:00");
        sections["metrics"]!["desirePressure"]!.AsArray().Should().HaveCount(12);
        ((int)sections["events"]!["sequence"]!).Should().Be(0);
        sections["conversation"]!["messages"]!.AsArray().Should().BeEmpty();
        ((string)sections["snapshot"]!["primary"]!).Should().Be("Calm");
        sections.ContainsKey("memory").Should().BeFalse("a document without memories has none to move");
    }
}
