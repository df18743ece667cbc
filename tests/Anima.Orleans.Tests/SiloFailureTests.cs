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
        var grains = Enumerable.Range(0, 40).Select(i => Client.GetAnima($"survivor-{i}")).ToArray();
        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
        {
            await grain.ChatAsync($"Hello, I am person {i}. I lost my keys today and I am annoyed.", new Person($"p{i}"));
            await grain.ExperienceAsync(new Stimulus { Satisfaction = 0.4 }, "But the sun is out.");
        }

        var before = await Task.WhenAll(grains.Select(g => g.ExportAsync()));
        var victim = fixture.Cluster.Silos.Skip(1).First();
        var onVictim = new List<int>();
        for (int i = 0; i < grains.Length; i++)
        {
            if (await management.GetActivationAddress(grains[i]) == victim.SiloAddress)
            {
                onVictim.Add(i);
            }
        }

        onVictim.Should().NotBeEmpty("some of forty agents live on each of three silos");
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
