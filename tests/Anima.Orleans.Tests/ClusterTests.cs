using Anima.Orleans.Tests.Support;
using FluentAssertions;
using Orleans.Runtime;
using Xunit;

namespace Anima.Orleans.Tests;

/// <summary>Agents on a cluster of three silos: spread, reachable, each its own, surviving a silo's death, serialised, talking.</summary>
public sealed class ClusterTests(AnimaClusterFixture fixture) : IClassFixture<AnimaClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task AThousandAgents_SpreadOverTheSilos_EachHoldsItsOwnState()
    {
        const int Agents = 1000;
        var grains = Enumerable.Range(0, Agents).Select(i => Client.GetAnima($"crowd-{i}")).ToArray();

        // Agent i lives through i % 7 + 1 experiences, warm ones for even i and threatening ones for odd i.
        await Parallel.ForEachAsync(Enumerable.Range(0, Agents), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var stimulus = i % 2 == 0 ? new Stimulus { Cohesion = 0.6, Satisfaction = 0.5 } : new Stimulus { Tension = 0.7, Cohesion = -0.4 };
            for (int n = 0; n <= i % 7; n++)
            {
                await grains[i].ExperienceAsync(stimulus);
            }
        });

        var states = await Task.WhenAll(grains.Select(g => g.GetStateAsync()));
        for (int i = 0; i < Agents; i++)
        {
            states[i].AgentId.Should().Be($"crowd-{i}");
            states[i].ExperienceCount.Should().Be(i % 7 + 1, "agent {0} lived {1} experiences of its own", i, i % 7 + 1);
        }

        states.Where((_, i) => i % 2 == 0).Average(s => s.Valence).Should().BeGreaterThan(states.Where((_, i) => i % 2 == 1).Average(s => s.Valence) + 0.2, "warmth and threat are felt apart");

        var management = Client.GetGrain<IManagementGrain>(0);
        var perSilo = new Dictionary<SiloAddress, int>();
        foreach (var grain in grains)
        {
            var silo = (await management.GetActivationAddress(grain)) ?? throw new InvalidOperationException("An agent the test just called is not active.");
            perSilo[silo] = perSilo.GetValueOrDefault(silo) + 1;
        }

        perSilo.Should().HaveCount(3, "the cluster places agents on every silo");
        perSilo.Values.Should().OnlyContain(n => n >= Agents / 20, "no silo is left nearly empty (seen: {0})", string.Join(", ", perSilo.Values));
    }

    [Fact]
    public async Task AHundredConcurrentCalls_ToOneAgent_AreAllApplied_OneAtATime()
    {
        var grain = Client.GetAnima("busy");
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => grain.ExperienceAsync(new Stimulus { Satisfaction = 0.1 }, $"message {i}")));

        results.Select(r => r.ExperienceCount).Should().BeEquivalentTo(Enumerable.Range(1, 100).Select(n => (long)n), "each call saw the agent after exactly the calls before it");
        (await grain.GetStateAsync()).ExperienceCount.Should().Be(100);

        await fixture.Cluster.DeactivateAsync(grain);
        (await grain.GetStateAsync()).ExperienceCount.Should().Be(100, "all hundred were saved");
    }

    [Fact]
    public async Task TwoAgents_OnDifferentSilos_TalkForTheirTurns_AndEachComesToKnowTheOther()
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        var ada = Client.GetAnima("ada");
        await ada.GetStateAsync();
        var adaSilo = await management.GetActivationAddress(ada);
        IAnimaGrain? bo = null;
        for (int i = 0; bo is null; i++)
        {
            var candidate = Client.GetAnima($"bo-{i}");
            await candidate.GetStateAsync();
            if (await management.GetActivationAddress(candidate) != adaSilo)
            {
                bo = candidate;
            }
        }

        string boId = bo.GetPrimaryKeyString();
        var said = await ada.TalkWithAsync(boId, 6, "Hi! It is so lovely to meet you. I really hope we become friends.");

        said.Should().HaveCount(7);
        said.Select(s => s.AgentId).Should().Equal("ada", boId, "ada", boId, "ada", boId, "ada");
        said.Skip(1).Select(s => s.Text).Should().OnlyHaveUniqueItems();
        var adaKnows = (await ada.GetRelationshipsAsync()).Should().ContainSingle().Subject;
        var boKnows = (await bo.GetRelationshipsAsync()).Should().ContainSingle().Subject;
        adaKnows.PersonId.Should().Be(boId);
        boKnows.PersonId.Should().Be("ada");
        boKnows.Turns.Should().Be(3);
        adaKnows.Turns.Should().Be(3);
        boKnows.Warmth.Should().BePositive("ada was warm to bo, and bo felt it");
        (await bo.GetStateAsync()).Valence.Should().BePositive("bo mirrors ada's warmth");
    }
}
