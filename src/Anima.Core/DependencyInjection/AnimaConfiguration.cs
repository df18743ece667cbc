using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Anima.DependencyInjection;

/// <summary>
/// Reads an agent's options from configuration (appsettings.json, environment variables…) without reflection, so it
/// works trimmed and under Native AOT. Every key is checked when it is read, and a key that is not an option, a value
/// that is not a number, or a number out of range is refused with the key's full path.
/// </summary>
internal static class AnimaConfiguration
{
    private delegate void Setter(AnimaOptions options, string value, string path);

    private static readonly string[] Traits = ["Openness", "Conscientiousness", "Extraversion", "Agreeableness", "Neuroticism"];
    private static readonly string[] ValueNames = ["Care", "Fairness", "Integrity", "Autonomy", "Growth"];

    private static readonly Dictionary<string, Setter> Top = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = (o, v, _) => o.Name = v,
        ["Seed"] = (o, v, p) => o.Seed = Integer(v, p, int.MinValue),
        ["Instructions"] = (o, v, _) => o.Instructions = v,
        ["HistoryTokenBudget"] = (o, v, p) => o.HistoryTokenBudget = Integer(v, p, 1),
        ["BaseOutputTokens"] = (o, v, p) => o.BaseOutputTokens = Integer(v, p, 1),
        ["MaxImportBytes"] = (o, v, p) => o.MaxImportBytes = Integer(v, p, 64 * 1024),
        ["EventJournalCapacity"] = (o, v, p) => o.EventJournalCapacity = Integer(v, p, 16),
        ["Profile"] = (o, v, p) => o.Profile = v.ToUpperInvariant() switch
        {
            "DEFAULT" => ChannelProfile.Default,
            "HORMONAL" => ChannelProfile.Hormonal,
            _ => throw Refused(p, v, "must be \"Default\" or \"Hormonal\""),
        },
    };

    private static readonly Dictionary<string, Setter> Memory = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RelevanceWeight"] = (o, v, p) => Mem(o).RelevanceWeight = Number(v, p, 0, 100),
        ["RecencyWeight"] = (o, v, p) => Mem(o).RecencyWeight = Number(v, p, 0, 100),
        ["ImportanceWeight"] = (o, v, p) => Mem(o).ImportanceWeight = Number(v, p, 0, 100),
        ["CongruenceWeight"] = (o, v, p) => Mem(o).CongruenceWeight = Number(v, p, 0, 100),
        ["RecencyHalfLife"] = (o, v, p) => Mem(o).RecencyHalfLife = Duration(v, p),
        ["EchoStrength"] = (o, v, p) => Mem(o).EchoStrength = Number(v, p, 0, 1),
        ["RememberTurns"] = (o, v, p) => Mem(o).RememberTurns = Flag(v, p),
        ["RememberExperiences"] = (o, v, p) => Mem(o).RememberExperiences = Flag(v, p),
        ["KeepThreshold"] = (o, v, p) => Mem(o).KeepThreshold = Number(v, p, 0, 1),
        ["MaxRememberedLength"] = (o, v, p) => Mem(o).MaxRememberedLength = Integer(v, p, 1),
        ["RecollectionCount"] = (o, v, p) => Mem(o).RecollectionCount = Integer(v, p, 0),
        ["MinimumRelevance"] = (o, v, p) => Mem(o).MinimumRelevance = Number(v, p, 0, 1),
        ["RecollectionTokenBudget"] = (o, v, p) => Mem(o).RecollectionTokenBudget = Integer(v, p, 0),
        ["ReflectionThreshold"] = (o, v, p) => Mem(o).ReflectionThreshold = Number(v, p, 0, 1_000_000),
        ["ReflectWithChatClient"] = (o, v, p) => Mem(o).ReflectWithChatClient = Flag(v, p),
        ["QuantizeEmbeddings"] = (o, v, p) => Mem(o).QuantizeEmbeddings = Flag(v, p),
    };

    /// <summary>Reads <paramref name="section"/> now, refusing what is wrong, and returns what applies it to an agent's options.</summary>
    /// <exception cref="InvalidOperationException">A key is not an option, or its value is not one the option takes; the message names the key.</exception>
    public static Action<AnimaOptions> Read(IConfiguration section)
    {
        var steps = new List<Action<AnimaOptions>>();
        foreach (var child in section.GetChildren())
        {
            string path = child.Path;
            if (child.Key.Equals("Personality", StringComparison.OrdinalIgnoreCase))
            {
                var traits = Unit(child, Traits);
                steps.Add(o => o.Personality = o.Personality with
                {
                    Openness = traits.GetValueOrDefault("Openness", o.Personality.Openness),
                    Conscientiousness = traits.GetValueOrDefault("Conscientiousness", o.Personality.Conscientiousness),
                    Extraversion = traits.GetValueOrDefault("Extraversion", o.Personality.Extraversion),
                    Agreeableness = traits.GetValueOrDefault("Agreeableness", o.Personality.Agreeableness),
                    Neuroticism = traits.GetValueOrDefault("Neuroticism", o.Personality.Neuroticism),
                });
            }
            else if (child.Key.Equals("Values", StringComparison.OrdinalIgnoreCase))
            {
                var values = Unit(child, ValueNames);
                steps.Add(o => o.Values = o.Values with
                {
                    Care = values.GetValueOrDefault("Care", o.Values.Care),
                    Fairness = values.GetValueOrDefault("Fairness", o.Values.Fairness),
                    Integrity = values.GetValueOrDefault("Integrity", o.Values.Integrity),
                    Autonomy = values.GetValueOrDefault("Autonomy", o.Values.Autonomy),
                    Growth = values.GetValueOrDefault("Growth", o.Values.Growth),
                });
            }
            else if (child.Key.Equals("Memory", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var entry in child.GetChildren())
                {
                    steps.Add(Step(Memory, entry, "a memory option"));
                }
            }
            else
            {
                steps.Add(Step(Top, child, "an Anima option", "Personality", "Values", "Memory"));
            }
        }

        // Every value is parsed and checked once now, on options of their own, so a mistake stops the start.
        var trial = new AnimaOptions();
        steps.ForEach(step => step(trial));
        return options => steps.ForEach(step => step(options));
    }

    private static Action<AnimaOptions> Step(Dictionary<string, Setter> setters, IConfigurationSection entry, string what, params string[] sections)
    {
        if (!setters.TryGetValue(entry.Key, out var set))
        {
            throw new InvalidOperationException($"Configuration key '{entry.Path}' is not {what}; the options here are {string.Join(", ", setters.Keys.Concat(sections))}.");
        }

        string value = entry.Value ?? throw Refused(entry.Path, "(a section)", "must be a single value");
        set(new AnimaOptions(), value, entry.Path);
        return options => set(options, value, entry.Path);
    }

    private static Dictionary<string, double> Unit(IConfigurationSection section, string[] names)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in section.GetChildren())
        {
            string? name = names.FirstOrDefault(n => n.Equals(entry.Key, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"Configuration key '{entry.Path}' is not one of {string.Join(", ", names)}.");
            found[name] = Number(entry.Value ?? throw Refused(entry.Path, "(a section)", "must be a single value"), entry.Path, 0, 1);
        }

        return found;
    }

    private static MemoryOptions Mem(AnimaOptions options) => options.MemoryOptions ??= new MemoryOptions();

    private static double Number(string value, string path, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && double.IsFinite(n) && n >= min && n <= max
            ? n
            : throw Refused(path, value, string.Create(CultureInfo.InvariantCulture, $"must be a number in [{min}, {max}]"));

    private static int Integer(string value, string path, int min) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= min
            ? n
            : throw Refused(path, value, min == int.MinValue ? "must be a whole number" : string.Create(CultureInfo.InvariantCulture, $"must be a whole number of at least {min}"));

    private static bool Flag(string value, string path) =>
        bool.TryParse(value, out bool b) ? b : throw Refused(path, value, "must be true or false");

    private static TimeSpan Duration(string value, string path) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero
            ? t
            : throw Refused(path, value, "must be a positive time span such as 7.00:00:00");

    private static InvalidOperationException Refused(string path, string value, string rule) =>
        new($"Configuration key '{path}' {rule}; it is '{value}'.");
}
