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
    public async Task AnimaChat_KilledWhileSavingContinuously_LeavesASoundDatabaseThatLoadsItsLastSave()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Process.Kill is SIGKILL only on Unix; the point is a kill the process cannot catch.
        }

        string store = Path.Combine(_folder.FullName, "killed.db");
        using var process = Process.Start(Start(["--store", store]))!;
        int saves = 0;
        var reading = Task.Run(async () =>
        {
            // Kill after forty printed saves, then read on to the end of the pipe: the program may have printed
            // more before the kill landed, and every line it printed stands for a committed save.
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Contains("(pressure builds)", StringComparison.Ordinal) && Interlocked.Increment(ref saves) == 40)
                {
                    process.Kill();
                }
            }
        });

        // Every /stress is an experience followed by a committed save, and only then printed.
        try
        {
            for (int i = 0; i < 10_000 && !process.HasExited; i++)
            {
                await process.StandardInput.WriteLineAsync("/stress");
                await process.StandardInput.FlushAsync();
            }
        }
        catch (IOException)
        {
            // The pipe broke: the process is gone, as intended.
        }

        await reading.WaitAsync(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync();
        process.ExitCode.Should().NotBe(0, "the process was killed");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            check.ExecuteScalar().Should().Be("ok");
        }

        var agent = new AnimaCore(AnimaChat.Character.Options(TimeProvider.System));
        (await agent.LoadAsync(new SqliteAnimaStore(store), AnimaChat.Repl.ReplSession.AgentId)).Should().BeTrue();
        saves.Should().BeGreaterThanOrEqualTo(40);
        agent.State.ExperienceCount.Should().BeInRange(saves, saves + 1, "every printed save was committed, and at most one more may have been");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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

    private static ProcessStartInfo Start(string[] args)
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

        return start;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, string input)
    {
        using var process = Process.Start(Start(args))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
