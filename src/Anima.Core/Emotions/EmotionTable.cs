using System.Globalization;

namespace Anima;

/// <summary>
/// A table of named emotions in valence-arousal-dominance space, with the rules for how they show.
/// Tables are data: ship another language, or a published table such as <see cref="Occ"/>.
/// </summary>
/// <remarks>Tables are validated when built and immutable afterwards; one instance can be shared.</remarks>
public sealed class EmotionTable
{
    private readonly EmotionDefinition[] _emotions;
    private readonly ExpressionRule[] _rules;

    /// <summary>Initializes a new table.</summary>
    /// <param name="name">A display name for the table.</param>
    /// <param name="emotions">The emotions; at least one, with unique names.</param>
    /// <param name="rules">The expression rules, tried in order; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="emotions"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The table is empty, two emotions share a name, a coordinate or tendency is outside [−1, 1], or a
    /// rule names an emotion the table does not hold or has no label to show.
    /// </exception>
    public EmotionTable(string name, IEnumerable<EmotionDefinition> emotions, IEnumerable<ExpressionRule>? rules = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(emotions);
        _emotions = [.. emotions];
        _rules = rules is null ? [] : [.. rules];
        if (_emotions.Length == 0)
        {
            throw new ArgumentException($"Emotion table '{name}' holds no emotion.", nameof(emotions));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var emotion in _emotions)
        {
            ArgumentNullException.ThrowIfNull(emotion, nameof(emotions));
            if (string.IsNullOrWhiteSpace(emotion.Name) || !names.Add(emotion.Name))
            {
                throw new ArgumentException($"Emotion table '{name}' has an emotion with an empty or repeated name ('{emotion.Name}').", nameof(emotions));
            }

            var p = emotion.Point;
            if (!InRange(p.Valence) || !InRange(p.Arousal) || !InRange(p.Dominance) || !InRange(emotion.Tendency))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Emotion '{emotion.Name}' needs coordinates and a tendency in [-1, 1], but has {p} and {emotion.Tendency}."),
                    nameof(emotions));
            }
        }

        foreach (var rule in _rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            if (!names.Contains(rule.Emotion) || string.IsNullOrWhiteSpace(rule.ShowsAs))
            {
                throw new ArgumentException($"Expression rule for '{rule.Emotion}' names an emotion table '{name}' does not hold, or shows as nothing.", nameof(rules));
            }
        }

        Name = name;
    }

    /// <summary>
    /// Gets Anima.Core's own default table of fifteen emotions. Its coordinates place Anima v6's eight
    /// basic emotions (Fear, Anger, Joy, Sadness, Surprise, Disgust, Anticipation, Trust) and seven more
    /// so that every one of them is the nearest emotion for some state the default profile can reach.
    /// Calm lies nearest the origin, so an agent at rest (or barely moved) feels calm.
    /// </summary>
    public static EmotionTable Default { get; } = new("default",
    [
        new("Joy", new(0.8, 0.5, 0.4), 0.8),
        new("Excitement", new(0.5, 0.9, 0.3), 0.9),
        new("Contentment", new(0.7, -0.4, 0.4), 0.2),
        new("Calm", new(0.2, -0.25, 0.1), 0.0),
        new("Trust", new(0.6, 0.0, -0.3), 0.6),
        new("Anticipation", new(0.2, 0.5, 0.3), 0.7),
        new("Surprise", new(0.1, 0.9, -0.2), 0.1),
        new("Fear", new(-0.7, 0.7, -0.7), -0.9),
        new("Anxiety", new(-0.5, 0.4, -0.4), -0.6),
        new("Anger", new(-0.6, 0.7, 0.3), 0.7),
        new("Frustration", new(-0.4, 0.3, 0.1), 0.3),
        new("Disgust", new(-0.7, 0.2, 0.4), -0.7),
        new("Sadness", new(-0.7, -0.5, -0.5), -0.5),
        new("Boredom", new(-0.3, -0.7, -0.1), -0.2),
        new("Loneliness", new(-0.4, -0.4, -0.2), 0.4),
    ],
    [
        new() { Emotion = "Fear", ShowsAs = "Numbness", Role = ChannelRole.Bond, RoleBelow = 0.15 },
        new() { Emotion = "Anger", ShowsAs = "Hurt", Trait = PersonalityTrait.Agreeableness, TraitAbove = 0.75 },
        new() { Emotion = "Sadness", ShowsAs = "Withdrawal", Trait = PersonalityTrait.Extraversion, TraitBelow = 0.3 },
        new() { Emotion = "Joy", ShowsAs = "Quiet gladness", Trait = PersonalityTrait.Extraversion, TraitBelow = 0.3 },
        new() { Emotion = "Anxiety", ShowsAs = "Vigilance", Trait = PersonalityTrait.Conscientiousness, TraitAbove = 0.75 },
        new() { Emotion = "Loneliness", ShowsAs = "Abandonment", Trait = PersonalityTrait.Neuroticism, TraitAbove = 0.75 },
    ]);

    /// <summary>
    /// Gets the twenty-four OCC emotions with the PAD coordinates printed by Gebhard (2005), "ALMA - A
    /// Layered Model of Affect", AAMAS, Table 2. Some entries share coordinates (Distress and Pity, Shame
    /// and Remorse), so not every entry of this table can be primary.
    /// </summary>
    public static EmotionTable Occ { get; } = new("occ-alma",
    [
        new("Admiration", new(0.5, 0.3, -0.2), 0.4),
        new("Anger", new(-0.51, 0.59, 0.25), 0.7),
        new("Disliking", new(-0.4, 0.2, 0.1), -0.4),
        new("Disappointment", new(-0.3, 0.1, -0.4), -0.3),
        new("Distress", new(-0.4, -0.2, -0.5), -0.5),
        new("Fear", new(-0.64, 0.60, -0.43), -0.9),
        new("FearsConfirmed", new(-0.5, -0.3, -0.7), -0.8),
        new("Gloating", new(0.3, -0.3, -0.1), 0.2),
        new("Gratification", new(0.6, 0.5, 0.4), 0.6),
        new("Gratitude", new(0.4, 0.2, -0.3), 0.5),
        new("HappyFor", new(0.4, 0.2, 0.2), 0.5),
        new("Hate", new(-0.6, 0.6, 0.3), 0.5),
        new("Hope", new(0.2, 0.2, -0.1), 0.5),
        new("Joy", new(0.4, 0.2, 0.1), 0.7),
        new("Liking", new(0.40, 0.16, -0.24), 0.5),
        new("Love", new(0.3, 0.1, 0.2), 0.8),
        new("Pity", new(-0.4, -0.2, -0.5), 0.3),
        new("Pride", new(0.4, 0.3, 0.3), 0.4),
        new("Relief", new(0.2, -0.3, 0.4), 0.1),
        new("Remorse", new(-0.3, 0.1, -0.6), -0.3),
        new("Reproach", new(-0.3, -0.1, 0.4), 0.2),
        new("Resentment", new(-0.2, -0.3, -0.2), -0.2),
        new("Satisfaction", new(0.3, -0.2, 0.4), 0.3),
        new("Shame", new(-0.3, 0.1, -0.6), -0.7),
    ]);

    /// <summary>Gets the display name of the table.</summary>
    public string Name { get; }

    /// <summary>Gets the emotions in order.</summary>
    public IReadOnlyList<EmotionDefinition> Emotions => _emotions;

    /// <summary>Gets the expression rules in the order they are tried.</summary>
    public IReadOnlyList<ExpressionRule> Rules => _rules;

    /// <summary>Gets the number of emotions.</summary>
    public int Count => _emotions.Length;

    internal ReadOnlySpan<EmotionDefinition> Span => _emotions;

    internal ReadOnlySpan<ExpressionRule> RuleSpan => _rules;

    /// <summary>Gets the index of an emotion by name (ordinal), or −1.</summary>
    /// <param name="name">The emotion's label.</param>
    /// <returns>The index, or −1 when the table holds no such emotion.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < _emotions.Length; i++)
        {
            if (_emotions[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static bool InRange(double value) => double.IsFinite(value) && value is >= -1 and <= 1;
}
