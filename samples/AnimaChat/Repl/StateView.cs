using System.Globalization;
using System.Text;
using Anima;
using AnimaChat.Providers;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AnimaChat.Repl;

/// <summary>The REPL's pictures of the agent: the compact live panel, the full <c>/state</c> view and the model list.</summary>
internal static class StateView
{
    private static readonly Color[] BarColours = [Color.MediumPurple, Color.SeaGreen2, Color.DarkOrange, Color.SteelBlue, Color.HotPink, Color.Olive];

    /// <summary>Builds the live panel: reactor bars, the emotion and the intention; the reply streams beneath it.</summary>
    /// <param name="state">The state to show.</param>
    /// <param name="reply">The reply so far, or <see langword="null"/> outside a chat turn.</param>
    /// <returns>The panel.</returns>
    public static IRenderable Panel(AnimaState state, string? reply = null)
    {
        var bars = new BarChart()
            .Width(56)
            .WithMaxValue(1)
            .UseValueFormatter((value, culture) => value.ToString("0.00", culture));
        for (int i = 0; i < state.Reactors.Count; i++)
        {
            var reading = state.Reactors[i];
            bars.AddItem(reading.Channel, Math.Round(reading.Level, 2), BarColours[i % BarColours.Length]);
        }

        string emotion = state.Expressed == state.Primary ? state.Primary : $"{state.Expressed} (felt as {state.Primary})";
        string intention = state.Intention is { } wish ? "wants to " + Words.Of(wish.Goal) : "wants nothing in particular";
        var lines = new List<IRenderable>
        {
            new Markup($"[bold]feels[/] {Markup.Escape(emotion)}   {Markup.Escape(intention)}"),
            new Markup(Invariant($"[grey]valence {state.Vad.Valence:+0.00;-0.00}  arousal {state.Vad.Arousal:+0.00;-0.00}  dominance {state.Vad.Dominance:+0.00;-0.00}  φ {state.Phi:0.00}{Extra(state)}[/]")),
            bars,
        };
        var panel = new Panel(new Rows(lines)).Header("inner state").Border(BoxBorder.Rounded);
        if (reply is null)
        {
            return panel;
        }

        return new Rows(panel, new Markup($"[bold]anima>[/] {Markup.Escape(reply)}"));
    }

    /// <summary>Builds the full view shown by <c>/state</c>: everything the engine measured, then the block the model reads.</summary>
    /// <param name="state">The state.</param>
    /// <param name="prompt">The state prompt the next request will carry.</param>
    /// <returns>The view.</returns>
    public static IRenderable Details(AnimaState state, string prompt)
    {
        var table = new Table().Border(TableBorder.Simple).HideHeaders().AddColumn("what").AddColumn("value");
        void Row(string what, string value) => table.AddRow(new Markup($"[bold]{what}[/]"), new Text(value));

        Row("emotion", state.Expressed == state.Primary ? state.Primary : $"{state.Expressed} (felt as {state.Primary})");
        Row("blend", string.Join(", ", state.Blend.Select(b => Invariant($"{b.Emotion} {b.Weight:P0}"))));
        Row("feeling", Invariant($"valence {state.Vad.Valence:+0.00;-0.00}, arousal {state.Vad.Arousal:+0.00;-0.00}, dominance {state.Vad.Dominance:+0.00;-0.00}, intensity {state.Intensity:0.00}"));
        Row("reactors", string.Join(", ", state.Reactors.Select(r => Invariant($"{r.Channel} {r.Level:0.00} (rests at {r.Baseline:0.00})"))));
        Row("φ", Invariant($"{state.Phi:0.00} ({state.PhiLabel})"));
        Row("prediction", Invariant($"{state.PredictionErrorLabel}, free energy {state.FreeEnergy:0.00}{(state.SurpriseSpike ? ", a surprise spike" : string.Empty)}"));
        Row("drives", state.Drives.Count == 0 ? "none" : string.Join(", ", state.Drives.Select(d => Invariant($"{Words.Of(d.Need)} ({d.Channel} {Words.Of(d.Direction)}) {d.Strength:0.00}"))));
        Row("intention", state.Intention is { } i ? Invariant($"{Words.Of(i.Goal)} (from {i.Source.ToString().ToLowerInvariant()}, held {i.Persistence}×)") : "none");
        if (state.Veto is { } veto)
        {
            Row("veto", $"{Words.Of(veto.Original)} {Words.Of(veto.Verdict)} by {veto.Value?.ToString().ToLowerInvariant() ?? "my values"}");
        }

        Row("request", state.Request.Verdict == RequestVerdict.Refused ? $"refused by {state.Request.Value?.ToString().ToLowerInvariant() ?? "my values"}" : "nothing refused");
        Row("dissonance", Invariant($"{state.Dissonance:0.00}"));
        Row("defense", state.Defense is { } defense ? Words.Of(defense) : "none");
        Row("frustration", Invariant($"{state.Frustration:0.00}"));
        Row("self", Invariant($"{state.Phase.Name}; coherence {state.Temporal.Coherence:0.00}{(state.Temporal.InCrisis ? ", in crisis" : string.Empty)}; theme {state.Spectral.Archival}"));
        Row("narrative", state.Narrative);

        return new Rows(
            new Panel(table).Header("inner state in full").Border(BoxBorder.Rounded),
            new Panel(new Text(prompt)).Header("what the model is told").Border(BoxBorder.Rounded));
    }

    /// <summary>Lists the recommended models, marking the one in use.</summary>
    /// <param name="current">The session's choice, or <see langword="null"/> outside a session.</param>
    /// <returns>The table.</returns>
    public static IRenderable Models(ProviderChoice? current)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("provider").AddColumn("model").AddColumn("why").AddColumn("key");
        foreach (var provider in ProviderCatalog.All)
        {
            if (provider.Models.Count == 0)
            {
                string what = provider.Kind == ProviderKind.Offline ? "no model; says it is offline" : "any model id; --base-url required";
                table.AddRow(new Text(provider.Name), new Text("—"), new Text(what), new Text(provider.KeyVariable ?? "none"));
                continue;
            }

            foreach (var model in provider.Models)
            {
                bool inUse = current is not null && current.Provider.Kind == provider.Kind && string.Equals(current.Model, model.Id, StringComparison.Ordinal);
                table.AddRow(
                    new Text(provider.Name),
                    new Markup(inUse ? $"[bold green]{Markup.Escape(model.Id)} (in use)[/]" : Markup.Escape(model.Id)),
                    new Text(model.Why),
                    new Text(provider.KeyVariable ?? "none"));
            }
        }

        return table;
    }

    private static string Extra(AnimaState state)
    {
        var text = new StringBuilder();
        if (state.Defense is { } defense)
        {
            text.Append("  defense ").Append(Words.Of(defense));
        }

        if (state.Frustration >= 0.05)
        {
            text.Append(CultureInfo.InvariantCulture, $"  frustration {state.Frustration:0.00}");
        }

        if (state.SurpriseSpike)
        {
            text.Append("  surprise!");
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
