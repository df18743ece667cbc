using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Memory;

/// <summary>What a conversation keeps by itself: the moments of a life (losses, births, illnesses, new jobs, break-ups), not its small talk.</summary>
public sealed class WhatIsKeptTests
{
    private static readonly string[] Moving =
    [
        "My father was diagnosed with cancer today.", "We lost the baby.", "I got married yesterday!", "My house burned down last night.",
        "I was fired from my job this morning.", "My girlfriend broke up with me.", "I'm pregnant!", "Our son was born this morning.",
        "My mom passed away last week.", "I've been feeling so lonely since the divorce.", "I got accepted into medical school!",
        "I was robbed on the way home.", "My best friend committed suicide last year.",
    ];

    private static readonly string[] Small =
    [
        "What time is it?", "Can you recommend a good book?", "I had pasta for lunch.", "It's raining a bit today.",
        "How do I convert Celsius to Fahrenheit?", "Do you prefer cats or dogs?", "I'm going to the shops later.",
        "What's the capital of France?", "Tell me a fun fact.", "I watched TV last night.", "My coffee is getting cold.",
        "Is it going to be sunny tomorrow?", "I like listening to podcasts.", "What should I cook tonight?",
    ];

    private static async Task<bool> Kept(string line)
    {
        var clock = new FakeTimeProvider(Agents.Epoch);
        var agent = new AnimaCore(new AnimaOptions { Seed = 3, TimeProvider = clock }, new ScriptedChatClient());
        await agent.ChatAsync("Hi there, how are you?");
        clock.Advance(TimeSpan.FromMinutes(2));
        await agent.ChatAsync("I had a normal morning.");
        clock.Advance(TimeSpan.FromMinutes(2));
        int before = agent.Memory.Count;
        await agent.ChatAsync(line);
        return agent.Memory.Count > before;
    }

    [Fact]
    public async Task ChatAsync_TheMomentsOfALife_AreKept()
    {
        var missed = new List<string>();
        foreach (string line in Moving)
        {
            if (!await Kept(line))
            {
                missed.Add(line);
            }
        }

        missed.Should().HaveCountLessThanOrEqualTo(1, "a moving moment is remembered; missed: {0}", string.Join(" | ", missed));
    }

    [Fact]
    public async Task ChatAsync_SmallTalk_IsLetGo()
    {
        var kept = new List<string>();
        foreach (string line in Small)
        {
            if (await Kept(line))
            {
                kept.Add(line);
            }
        }

        kept.Should().HaveCountLessThanOrEqualTo(1, "small talk is not kept verbatim; kept: {0}", string.Join(" | ", kept));
    }
}
