using System.Diagnostics;
using System.Runtime.InteropServices;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Samples;

/// <summary>
/// The AnimaAot sample, run as a process with reflection-based JSON off (as Native AOT runs it): an agent with memories,
/// a person and a conversation saved, loaded, exported and imported is the same agent. CI also publishes it with Native
/// AOT and compares the two runs.
/// </summary>
public class AotSampleTests
{
    [Fact]
    public async Task WithoutReflection_SaveLoadExportImport_KeepTheSameAgent()
    {
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AnimaAot.runtimeconfig.json"))
            .Should().Contain("\"System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault\": false", "the sample runs as Native AOT would");
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var start = new ProcessStartInfo(Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AnimaAot.dll"));
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        (await error).Should().BeEmpty();
        process.ExitCode.Should().Be(0, await output);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().HaveCount(4);
        lines[0].Should().StartWith("lived:").And.Contain("2 memories").And.Contain("4 messages with Sam");
        lines[1][lines[1].IndexOf(' ', StringComparison.Ordinal)..].Trim().Should().Be(lines[0][lines[0].IndexOf(' ', StringComparison.Ordinal)..].Trim());
        lines[3].Should().Be("The saved, loaded, exported and imported agents are the same agent.");
    }
}
