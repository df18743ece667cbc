using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Samples;

/// <summary>Runs the AnimaChat program itself, as a newcomer would: its own process, input piped in, no key.</summary>
public sealed class AnimaChatProcessTests : IDisposable
{
    private static readonly string[] ProviderVariables =
        ["ANIMA_PROVIDER", "ANIMA_STORE", "ANIMA_MODEL", "ANIMA_BASE_URL", "ANIMA_API_KEY", "OLLAMA_HOST", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENROUTER_API_KEY", "GROQ_API_KEY", "TOGETHER_API_KEY"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("anima-process-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task AnimaChat_CommandsPipedWithNoKey_ChatsOfflineAndExports()
    {
        string target = Path.Combine(_folder.FullName, "piped");

        var (exit, output, error) = await RunAsync(["--no-store"], $"Hello! I'm so happy to meet you.\n/stress\n/state\n/export {target}\n/quit\n");

        error.Should().BeEmpty();
        exit.Should().Be(0);
        output.Should().Contain("talking through offline").And.Contain("anima> (I'm offline").And.Contain("inner state in full").And.Contain("Goodbye.");
        using var log = JsonDocument.Parse(await File.ReadAllTextAsync(target + ".json"));
        log.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).Should().Equal("start", "chat", "stress");
        ReplTests.AssertValidChart(target + ".svg", points: 3, reactors: ["tension", "arousal", "satisfaction", "cohesion"]);
    }

    [Fact]
    public async Task AnimaChat_SecondRun_ResumesTheAgentKeptInTheStore()
    {
        string store = Path.Combine(_folder.FullName, "kept.db");

        var (firstExit, first, firstError) = await RunAsync(["--store", store], "/stress\n/joy\nthanks for listening\n/quit\n");
        var (secondExit, second, secondError) = await RunAsync(["--store", store], "/state\n/quit\n");

        (firstError + secondError).Should().BeEmpty();
        firstExit.Should().Be(0);
        secondExit.Should().Be(0);
        first.Should().Contain("A new agent; it is kept in");
        second.Should().Contain("Resumed the agent from").And.Contain("after 4 experiences", "two moods, the message and the reply were experienced");
    }

    [Fact]
    public async Task AnimaChat_Demo_PlaysTheWholeSceneWithoutInput()
    {
        var (exit, output, error) = await RunAsync(["--demo"], input: string.Empty);

        error.Should().BeEmpty();
        exit.Should().Be(0);
        foreach (string moment in (string[])["small talk", "stress", "relief", "connection", "shock", "joy", "grief", "repetition"])
        {
            output.Should().Contain($"── {moment}");
        }

        output.Should().Contain("emotion").And.Contain("blend").And.Contain("intention").And.Contain("defense").And.Contain("narrative");
    }

    [Fact]
    public async Task AnimaChat_UnknownOption_ExitsWithUsageError()
    {
        var (exit, _, error) = await RunAsync(["--frobnicate"], input: string.Empty);

        exit.Should().Be(2);
        error.Should().Contain("Unknown option '--frobnicate'");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, string input)
    {
        // The muxer sits three folders above the running runtime: <root>/shared/Microsoft.NETCore.App/<version>/.
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string dotnet = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AnimaChat.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string variable in ProviderVariables)
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
