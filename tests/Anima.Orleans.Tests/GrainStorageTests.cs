using Anima.Orleans.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace Anima.Orleans.Tests;

/// <summary>A silo whose agents are saved in a storage provider of the host's own, which can fail.</summary>
public sealed class GrainStorageTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    private FlakyGrainStorage Storage => (FlakyGrainStorage)_cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>("anima");

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAnima(options =>
            {
                options.StreamProvider = null;
                options.HeartbeatPeriod = null;
                options.ChatClient = (_, id) => new LineChatClient(id);
            });
            silo.Services.AddGrainStorage("anima", (_, _) => new FlakyGrainStorage());
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task AnyStorageProvider_KeepsTheAgent_AcrossActivations()
    {
        var grain = _cluster.Client.GetAnima("kept");
        await grain.ChatAsync("My sister had a baby girl last night!", new Person("kim", "Kim"));
        await grain.ExperienceAsync(new Stimulus { Tension = 0.3 }, "Work is a bit stressful though.");
        string before = await grain.ExportAsync();

        await _cluster.DeactivateAsync(grain);

        (await grain.ExportAsync()).Should().Be(before, "the document in storage is the agent, exactly");
        (await grain.GetRelationshipsAsync()).Should().ContainSingle().Which.Name.Should().Be("Kim");
    }

    [Fact]
    public async Task ASaveThatFails_FailsTheCall_AndTheAgentWakesAsItWasLastSaved()
    {
        var grain = _cluster.Client.GetAnima("fragile");
        await grain.ExperienceAsync(new Stimulus { Satisfaction = 0.5 }, "A good start.");
        string saved = await grain.ExportAsync();

        Storage.FailWrites = true;
        var failing = () => grain.ExperienceAsync(new Stimulus { Tension = 0.8 }, "Something awful happened.");
        await failing.Should().ThrowAsync<IOException>("the caller learns the turn was not kept");
        Storage.FailWrites = false;

        AnimaStateView? state = null;
        for (int attempt = 0; state is null && attempt < 50; attempt++)
        {
            try
            {
                state = await grain.GetStateAsync();
            }
            catch (InvalidOperationException e) when (e.Message.Contains("could not save its last change", StringComparison.Ordinal))
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        state!.ExperienceCount.Should().Be(1, "the failed turn is not half-kept in memory");
        (await grain.ExportAsync()).Should().Be(saved);
    }

    [Fact]
    public async Task AStreamedReply_ArrivesInPieces_AndIsSaved()
    {
        var grain = _cluster.Client.GetAnima("streamer");
        var pieces = new List<string>();
        await foreach (string piece in grain.ChatStreamingAsync("Tell me something nice.", cancellationToken: TestContext.Current.CancellationToken))
        {
            pieces.Add(piece);
        }

        pieces.Should().HaveCountGreaterThan(3);
        string reply = string.Concat(pieces).Trim();
        reply.Should().Be("It is really good to talk with you. (streamer #1)");
        int writes = Storage.Writes;
        await _cluster.DeactivateAsync(grain);
        (await grain.ExportAsync()).Should().Contain(reply, "the streamed turn was saved with the rest");
        Storage.Writes.Should().Be(writes, "nothing was left unsaved for deactivation");
    }

    [Fact]
    public async Task AnInvalidImport_IsRefused_AndChangesNothing()
    {
        var grain = _cluster.Client.GetAnima("guarded");
        await grain.ExperienceAsync(new Stimulus { Cohesion = 0.4 });
        string before = await grain.ExportAsync();

        var import = () => grain.ImportAsync("{\"version\": 2, \"sections\": {\"reactors\": \"not a table\"}}");
        (await import.Should().ThrowAsync<Exception>()).Which.Should().NotBeOfType<NullReferenceException>();
        (await grain.ExportAsync()).Should().Be(before);
        (await grain.GetStateAsync()).ExperienceCount.Should().Be(1);
    }
}
