using Anima;
using Anima.Agents;
using Microsoft.Agents.AI;
using TwoAgents;

// A Microsoft Agent Framework agent with an inner life, offline: a ChatClientAgent whose AIContextProvider is Anima.
// The model here is the inner-voice speaker of the TwoAgents sample, which answers with the lines of the state block the
// provider added to the run's instructions, so what the agent says is what it feels.
var anima = new AnimaCore(new AnimaOptions { Seed = 21, Profile = ChannelProfile.Hormonal, Personality = new Personality { Agreeableness = 0.8, Neuroticism = 0.6 } });
AIAgent agent = new ChatClientAgent(new InnerVoiceChatClient(), new ChatClientAgentOptions
{
    Name = "Ada",
    AIContextProviders = [new AnimaContextProvider(anima)],
});
var session = await agent.CreateSessionAsync();

Console.WriteLine("An Agent Framework agent with an inner life (AnimaContextProvider); offline, no key.");
foreach (string line in new[]
{
    "Hi Ada! How are you today?",
    "I have some bad news: the project you loved was cancelled.",
    "I'm sorry. I know how much it meant to you.",
    "But there's good news too: they want you to lead the next one!",
})
{
    Console.WriteLine();
    Console.WriteLine($"You:  {line}");
    var response = await agent.RunAsync(line, session);
    Console.WriteLine($"Ada ({anima.State.Expressed}): {response.Text}");
}

Console.WriteLine();
Console.WriteLine($"After four runs Ada has lived {anima.State.ExperienceCount} experiences and feels {anima.State.Primary.ToLowerInvariant()}.");
return 0;
