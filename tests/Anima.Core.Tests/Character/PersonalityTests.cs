using FluentAssertions;
using Xunit;

namespace Anima.Tests.Character;

public class PersonalityTests
{
    [Theory]
    [InlineData(nameof(Personality.Openness), -0.1)]
    [InlineData(nameof(Personality.Conscientiousness), 1.2)]
    [InlineData(nameof(Personality.Extraversion), double.NaN)]
    [InlineData(nameof(Personality.Agreeableness), double.PositiveInfinity)]
    [InlineData(nameof(Personality.Neuroticism), 7)]
    public void Trait_OutsideUnitInterval_ThrowsNamingTraitAndValue(string trait, double value)
    {
        var t = Enum.Parse<PersonalityTrait>(trait);

        var act = () => Personality.Balanced.With(t, value);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == trait && e.Message.Contains(trait) && e.Message.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Temperament_FollowsMehrabianSigns_NeuroticismIsLessPleasantAndMoreAroused()
    {
        var stable = new Personality { Neuroticism = 0.1 }.Temperament();
        var neurotic = new Personality { Neuroticism = 0.9 }.Temperament();

        neurotic.Valence.Should().BeLessThan(stable.Valence);
        neurotic.Arousal.Should().BeGreaterThan(stable.Arousal);
    }

    [Fact]
    public void Temperament_MatchesPublishedCoefficients()
    {
        // Mehrabian (1996): P = .21E + .59A + .19S, A = .15O + .30A − .57S, D = .25O + .17C + .60E − .32A, S = −N.
        var p = new Personality { Openness = 1, Conscientiousness = 0.5, Extraversion = 0.5, Agreeableness = 1, Neuroticism = 0 };

        var t = p.Temperament();

        t.Valence.Should().BeApproximately(Math.Clamp(0.59 + 0.19, -1, 1), 1e-12);
        t.Arousal.Should().BeApproximately(0.15 + 0.30 - 0.57, 1e-12);
        t.Dominance.Should().BeApproximately(0.25 - 0.32, 1e-12);
    }

    [Fact]
    public void Indexer_ReadsEveryTrait()
    {
        var p = new Personality { Openness = 0.1, Conscientiousness = 0.2, Extraversion = 0.3, Agreeableness = 0.4, Neuroticism = 0.6 };

        Enum.GetValues<PersonalityTrait>().Select(t => p[t]).Should().Equal(0.1, 0.2, 0.3, 0.4, 0.6);
    }
}
