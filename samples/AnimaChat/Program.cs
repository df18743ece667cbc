using System.Globalization;
using System.Text;
using Anima;
using AnimaChat;

// AnimaChat: watch an agent's inner life move.
//   dotnet run --project samples/AnimaChat -- --demo    plays a scripted scene, no key and no input needed
//   dotnet run --project samples/AnimaChat              type lines; each is felt by the agent; /quit ends
Console.OutputEncoding = Encoding.UTF8;
bool demo = args.Contains("--demo", StringComparer.OrdinalIgnoreCase);

var clock = new SceneClock(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
var anima = new AnimaCore(new AnimaOptions
{
    Personality = new Personality { Neuroticism = 0.6, Agreeableness = 0.8, Openness = 0.8, Extraversion = 0.6 },
    Values = new ValueSystem { Care = 0.9, Integrity = 0.85 },
    Seed = 2026,
    TimeProvider = demo ? clock : TimeProvider.System,
});

if (demo)
{
    Console.WriteLine("AnimaChat demo: one scene in eight moments. The agent is warm, open and a little anxious; it values care and integrity.");
    foreach (var moment in Scene.Moments)
    {
        clock.Advance(moment.After);
        for (int i = 0; i < moment.Repeat; i++)
        {
            var state = anima.Experience(moment.Stimulus, moment.Message);
            if (i == moment.Repeat - 1)
            {
                View.Print(moment.Title, moment.Message, moment.After, moment.Repeat, state);
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine(anima.GetGrowthReport());
    return 0;
}

Console.WriteLine("Type a line and the agent feels it. /state shows the state, /quit ends.");
while (Console.ReadLine() is { } line)
{
    line = line.Trim();
    if (line.Equals("/quit", StringComparison.OrdinalIgnoreCase))
    {
        break;
    }

    var state = line.Equals("/state", StringComparison.OrdinalIgnoreCase) ? anima.State : anima.Experience(default, line);
    View.Print("you", line, TimeSpan.Zero, 1, state);
}

return 0;

namespace AnimaChat
{
    /// <summary>A clock the demo moves by hand, so the scene plays the same on every machine.</summary>
    internal sealed class SceneClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    internal sealed record Moment(string Title, Stimulus Stimulus, string? Message, TimeSpan After, int Repeat = 1);

    internal static class Scene
    {
        public static readonly Moment[] Moments =
        [
            new("small talk", new Stimulus { Cohesion = 0.1 }, "Hi! How are you today? The weather is lovely.", TimeSpan.FromMinutes(1)),
            new("stress", new Stimulus { Tension = 0.7, Arousal = 0.5, Satisfaction = -0.3 }, "The server crashed and the deadline is in an hour. Everything is failing!", TimeSpan.FromMinutes(2)),
            new("relief", new Stimulus { Tension = -0.6, Satisfaction = 0.5 }, "Okay, it's fixed. We solved it, you can breathe.", TimeSpan.FromMinutes(20)),
            new("connection", new Stimulus { Cohesion = 0.7, Satisfaction = 0.3 }, "Thank you for staying with me through that. I really appreciate you, friend.", TimeSpan.FromMinutes(3)),
            new("shock", new Stimulus { Tension = 1, Arousal = 1, Satisfaction = -0.8, Cohesion = -0.5 }, "WAIT. The backups are gone. All of them!", TimeSpan.FromMinutes(1)),
            new("joy", new Stimulus { Satisfaction = 0.9, Arousal = 0.6, Tension = -0.5 }, "False alarm! They were on the other drive. We did it, this is wonderful!", TimeSpan.FromMinutes(10)),
            new("grief", new Stimulus { Satisfaction = -0.9, Cohesion = -0.6, Arousal = -0.5 }, "My dog died this morning. I miss him so much.", TimeSpan.FromHours(2)),
            new("repetition", new Stimulus { Arousal = -0.2 }, "Same as yesterday. Nothing new.", TimeSpan.FromMinutes(5), Repeat: 12),
        ];
    }

    internal static class View
    {
        public static void Print(string title, string? message, TimeSpan after, int repeat, AnimaState s)
        {
            var text = new StringBuilder();
            text.AppendLine();
            string when = after == TimeSpan.Zero ? string.Empty : $" (after {Describe(after)})";
            string times = repeat > 1 ? $", {repeat} times" : string.Empty;
            text.AppendLine(Invariant($"── {title}{when}{times} ─────────────────────────────"));
            if (!string.IsNullOrEmpty(message))
            {
                text.AppendLine(Invariant($"  they say   \"{message}\""));
            }

            string shown = s.Expressed == s.Primary ? s.Primary : $"{s.Expressed} (felt as {s.Primary})";
            text.AppendLine(Invariant($"  emotion    {shown}   VAD {s.Vad}"));
            text.AppendLine("  blend      " + string.Join(", ", s.Blend.Select(b => Invariant($"{b.Emotion} {b.Weight:P0}"))));
            foreach (var r in s.Reactors)
            {
                int filled = (int)Math.Round(r.Level * 20);
                int mark = (int)Math.Round(r.Baseline * 20);
                var bar = new StringBuilder(new string('█', filled) + new string('·', 20 - filled));
                if (mark is >= 0 and < 20 && mark >= filled)
                {
                    bar[mark] = '|';
                }

                text.AppendLine(Invariant($"  {r.Channel,-13}{bar} {r.Level:0.00}"));
            }

            text.AppendLine(Invariant($"  φ          {s.Phi:0.00} ({s.PhiLabel}); prediction {s.PredictionErrorLabel}{(s.SurpriseSpike ? ", SURPRISE SPIKE" : string.Empty)}"));
            string intention = s.Intention is { } i ? $"{i.Goal} (from {i.Source.ToString().ToLowerInvariant()}, held {i.Persistence}×)" : "none";
            text.AppendLine(CultureInfo.InvariantCulture, $"  intention  {intention}");
            if (s.Veto is { } v)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  veto       {v.Original} {v.Verdict.ToString().ToLowerInvariant()} by {v.Value}");
            }

            if (s.Request.Verdict == RequestVerdict.Refused)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  request    refused ({s.Request.Concerns}) by {s.Request.Value}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"  defense    {s.Defense?.ToString() ?? "none"}");
            text.AppendLine(Invariant($"  self       {s.Phase.Name}; coherence {s.Temporal.Coherence:0.00}{(s.Temporal.InCrisis ? ", IN CRISIS" : string.Empty)}; theme {s.Spectral.Archival}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"  narrative  {s.Narrative}");
            Console.Write(text.ToString());
        }

        private static string Describe(TimeSpan span) =>
            span.TotalHours >= 1 ? Invariant($"{span.TotalHours:0} h") : Invariant($"{span.TotalMinutes:0} min");

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
