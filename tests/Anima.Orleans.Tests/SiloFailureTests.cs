using Anima.Orleans.Tests.Support;
using FluentAssertions;
using Orleans.Runtime;
using Xunit;

namespace Anima.Orleans.Tests;

/// <summary>A silo dies abruptly: its agents wake on the others, exactly as their last saved turn left them.</summary>
public sealed class SiloFailureTests(AnimaClusterFixture fixture) : IClassFixture<AnimaClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task ASiloKilled_ItsAgentsWakeElsewhere_WithTheStateOfTheirLastTurn()
    {
        var management = Client.GetGrain<IManagementGrain>(0);

        // Placement only spreads agents over silos the cluster has seen join: wait until all three are active.
        for (int wait = 0; wait < 100 && (await management.GetHosts(onlyActive: true)).Count < 3; wait++)
        {
            await Task.Delay(100);
        }

        var grains = Enumerable.Range(0, 40).Select(i => Client.GetAnima($"survivor-{i}")).ToArray();
        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
        {
            await grain.ChatAsync($"Hello, I am person {i}. I lost my keys today and I am annoyed.", new Person($"p{i}"));
            await grain.ExperienceAsync(new Stimulus { Satisfaction = 0.4 }, "But the sun is out.");
        }

        var before = await Task.WhenAll(grains.Select(g => g.ExportAsync()));
        // The victim is whichever silo but the first (which holds the cluster's membership) hosts the most of the agents:
        // placement decides where they live, not the test.
        var addresses = await Task.WhenAll(grains.Select(g => management.GetActivationAddress(g).AsTask()));
        var victim = fixture.Cluster.Silos.Skip(1).MaxBy(silo => addresses.Count(address => address == silo.SiloAddress))!;
        var onVictim = Enumerable.Range(0, grains.Length).Where(i => addresses[i] == victim.SiloAddress).ToList();

        onVictim.Should().NotBeEmpty("forty agents are spread over three silos, and two of them may be killed");
        await fixture.Cluster.KillSiloAsync(victim);

        foreach (int i in onVictim)
        {
            string after = await grains[i].ExportAsync();
            after.Should().Be(before[i], "agent {0} wakes on another silo exactly as its last turn left it", i);
            (await management.GetActivationAddress(grains[i])).Should().NotBe(victim.SiloAddress);
            long lived = (await grains[i].GetStateAsync()).ExperienceCount;
            var reply = await grains[i].ChatAsync("Are you still there?", new Person($"p{i}"));
            reply.State.ExperienceCount.Should().BeGreaterThan(lived, "the woken agent goes on from where it was");
            (await grains[i].GetRelationshipsAsync()).Should().ContainSingle().Which.Turns.Should().Be(2, "it remembers the person it spoke with before the silo died");
        }
    }
}
