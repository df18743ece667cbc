using System.Globalization;
using System.Text;
using Anima;

namespace AnimaChat.Demo;

/// <summary>Prints one moment of the demo as plain text, readable in any terminal or log.</summary>
internal static class SceneView
{
    /// <summary>Describes the agent after a moment: emotion, blend, reactor bars, φ, intention, veto, defense, self and narrative.</summary>
    /// <param name="moment">The moment.</param>
    /// <param name="s">The agent's state after it.</param>
    /// <returns>The text, ending with a new line.</returns>
    public static string Describe(Moment moment, AnimaState s)
    {
        var text = new StringBuilder();
        text.AppendLine();
        string when = moment.After == TimeSpan.Zero ? string.Empty : $" (after {Describe(moment.After)})";
        string times = moment.Repeat > 1 ? Invariant($", {moment.Repeat} times") : string.Empty;
        text.AppendLine(Invariant($"── {moment.Title}{when}{times} ─────────────────────────────"));
        if (!string.IsNullOrEmpty(moment.Message))
        {
            text.AppendLine(Invariant($"  they say   \"{moment.Message}\""));
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
        string intention = s.Intention is { } i ? Invariant($"{Words.Of(i.Goal)} (from {i.Source.ToString().ToLowerInvariant()}, held {i.Persistence}×)") : "none";
        text.AppendLine(CultureInfo.InvariantCulture, $"  intention  {intention}");
        if (s.Veto is { } v)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  veto       {Words.Of(v.Original)} {Words.Of(v.Verdict)} by {v.Value?.ToString().ToLowerInvariant() ?? "my values"}");
        }

        if (s.Request.Verdict == RequestVerdict.Refused)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  request    refused ({s.Request.Concerns}) by {s.Request.Value?.ToString().ToLowerInvariant() ?? "my values"}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  defense    {(s.Defense is { } d ? Words.Of(d) : "none")}");
        text.AppendLine(Invariant($"  self       {s.Phase.Name}; coherence {s.Temporal.Coherence:0.00}{(s.Temporal.InCrisis ? ", IN CRISIS" : string.Empty)}; theme {s.Spectral.Archival}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"  narrative  {s.Narrative}");
        return text.ToString();
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? Invariant($"{span.TotalHours:0} h") : Invariant($"{span.TotalMinutes:0} min");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
