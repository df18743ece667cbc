using System.Reflection;
using FluentAssertions;
using Xunit;

namespace Anima.Evaluation.Tests;

[Collection(nameof(SampleTests))]
public sealed class SampleTests
{
    [Fact]
    public async Task TheEvaluationSample_RunsOffline_AndReportsEveryMetricOfEveryReply()
    {
        var entry = Assembly.Load("AnimaEvaluation").EntryPoint!;
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            var run = entry.Invoke(null, [Array.Empty<string>()]);
            int code = run is Task<int> task ? await task : (int)run!;
            code.Should().Be(0);
        }
        finally
        {
            Console.SetOut(console);
        }

        string report = output.ToString();
        foreach (string metric in new[] { InnerStateEvaluator.AffectMatchMetricName, InnerStateEvaluator.NoLeakMetricName, InnerStateJudgeEvaluator.ExpressedStateMetricName })
        {
            report.Split('\n').Count(line => line.TrimStart().StartsWith(metric, StringComparison.Ordinal)).Should().Be(5, "{0} is reported for each of five replies", metric);
        }

        report.Should().Contain("No State Leak on reply 5", "the reply that reads out its numbers is caught");
        report.Should().Contain("Expressed State on reply 2", "the judge fails the cheerful answer to bad news");
    }
}
