using System.Reflection;
using FluentAssertions;
using Xunit;

namespace Anima.Agents.Tests;

public sealed class SampleTests
{
    [Fact]
    public async Task TheAgentsSample_RunsOffline_AndTheAgentSpeaksFromWhatItFeels()
    {
        var entry = Assembly.Load("AnimaAgents").EntryPoint!;
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            var run = entry.Invoke(null, [Array.Empty<string>()]);
            (run is Task<int> task ? await task : (int)run!).Should().Be(0);
        }
        finally
        {
            Console.SetOut(console);
        }

        string said = output.ToString();
        said.Split('\n').Count(line => line.StartsWith("Ada (", StringComparison.Ordinal)).Should().Be(4);
        said.Should().Contain("I feel").And.Contain("lived 8 experiences");
    }
}
