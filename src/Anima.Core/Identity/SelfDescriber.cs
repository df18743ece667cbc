namespace Anima.Identity;

/// <summary>Composes the first-person self-description of a <see cref="SelfImage"/>, in words only.</summary>
internal static class SelfDescriber
{
    public static string Describe(SelfImage image, int variant)
    {
        var p = image.Personality;
        Span<(double Distance, string Word)> traits =
        [
            (Math.Abs(p.Openness - 0.5), p.Openness >= 0.5 ? "curious" : "grounded"),
            (Math.Abs(p.Conscientiousness - 0.5), p.Conscientiousness >= 0.5 ? "steady" : "spontaneous"),
            (Math.Abs(p.Extraversion - 0.5), p.Extraversion >= 0.5 ? "outgoing" : "reserved"),
            (Math.Abs(p.Agreeableness - 0.5), p.Agreeableness >= 0.5 ? "warm" : "guarded"),
            (Math.Abs(p.Neuroticism - 0.5), p.Neuroticism >= 0.5 ? "sensitive" : "even-tempered"),
        ];

        // The two most distinctive traits, first by how far they stand from the middle.
        int first = 0;
        for (int i = 1; i < traits.Length; i++)
        {
            first = traits[i].Distance > traits[first].Distance ? i : first;
        }

        int second = first == 0 ? 1 : 0;
        for (int i = 0; i < traits.Length; i++)
        {
            second = i != first && traits[i].Distance > traits[second].Distance ? i : second;
        }

        string theme = image.Theme switch
        {
            ArchivalTheme.Belonging => "I feel held by the people around me",
            ArchivalTheme.Loneliness => "lately I have felt cut off from others",
            ArchivalTheme.Survival => "I have been bracing against threat for a long while",
            ArchivalTheme.Loss => "something good has been missing from my life",
            ArchivalTheme.Restlessness => "I cannot quite settle",
            ArchivalTheme.Flourishing => "things have been going well for me",
            _ => "life has been quiet lately",
        };

        string certainty = image.Stability switch
        {
            >= 0.75 => " I know who I am.",
            >= 0.45 => string.Empty,
            >= 0.25 => " I am less sure of myself than I was.",
            _ => " I hardly know who I am right now.",
        };

        string a = traits[first].Word, b = traits[second].Word;
        return (variant & 1) == 0
            ? $"I am someone {a} and {b}, and {theme}.{certainty}"
            : $"I think of myself as {a} and {b}; {theme}.{certainty}";
    }
}
