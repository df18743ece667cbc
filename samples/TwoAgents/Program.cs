using System.Globalization;
using Anima;
using TwoAgents;

// Two agents with different souls talk to each other, offline, for a set number of turns. Each hears the
// other's words through its own appraiser (the social mirror) and answers from its own inner state.
int turns = 8;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] is "--turns" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 1000)
    {
        turns = n;
        i++;
    }
    else if (args[i] is "--help" or "-h")
    {
        Console.WriteLine("Usage: dotnet run --project samples/TwoAgents [-- --turns N]   (N from 1 to 1000; default 8)");
        return 0;
    }
    else
    {
        Console.Error.WriteLine($"Unknown option '{args[i]}'. Try --help.");
        return 2;
    }
}

var speaker = new InnerVoiceChatClient();
var ada = Conversation.Agent("Ada", new Personality { Agreeableness = 0.85, Extraversion = 0.75, Neuroticism = 0.25, Openness = 0.7 }, seed: 1, speaker);
var bram = Conversation.Agent("Bram", new Personality { Agreeableness = 0.3, Extraversion = 0.3, Neuroticism = 0.8, Conscientiousness = 0.7 }, seed: 2, speaker);

Console.WriteLine("Two agents, two souls, no network.");
Console.WriteLine($"Ada:  warm and outgoing (A 0.85, E 0.75, N 0.25). Her cortisol answers tension with {ada.Agent.Soul["cortisol", "tension"]:0.00}, her oxytocin answers closeness with {ada.Agent.Soul["oxytocin", "cohesion"]:0.00}.");
Console.WriteLine($"Bram: wary and anxious (A 0.30, E 0.30, N 0.80). His cortisol answers tension with {bram.Agent.Soul["cortisol", "tension"]:0.00}, his oxytocin answers closeness with {bram.Agent.Soul["oxytocin", "cohesion"]:0.00}.");
Console.WriteLine();

var trajectory = await Conversation.PlayAsync(ada, bram, turns, Console.Out);

Console.WriteLine();
Console.WriteLine("Trajectories (valence, arousal, dominance after each turn):");
Console.WriteLine($"{"turn",4}  {"Ada",-30}  {"Bram",-30}");
foreach (var (turn, a, b) in trajectory)
{
    Console.WriteLine($"{turn,4}  {Conversation.Point(a),-30}  {Conversation.Point(b),-30}");
}

Console.WriteLine();
Console.WriteLine($"Ada ends {ada.Agent.State.Expressed}; Bram ends {bram.Agent.State.Expressed}.");
return 0;
