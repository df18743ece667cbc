using FluentAssertions;
using Xunit;

namespace Anima.Tests.Character;

public class ValueSystemTests
{
    [Fact]
    public void Care_OutsideUnitInterval_ThrowsNamingValue()
    {
        var act = () => new ValueSystem { Care = 1.5 };

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "Care" && e.Message.Contains("1.5"));
    }

    [Fact]
    public void EveryValue_IsValidated()
    {
        foreach (var make in new Func<ValueSystem>[]
        {
            () => new ValueSystem { Integrity = -0.01 },
            () => new ValueSystem { Autonomy = double.NaN },
            () => new ValueSystem { Fairness = 2 },
            () => new ValueSystem { Growth = double.NegativeInfinity },
        })
        {
            make.Should().Throw<ArgumentOutOfRangeException>();
        }
    }

    [Fact]
    public void Indexer_ReadsEveryValue()
    {
        var v = new ValueSystem { Care = 0.9, Integrity = 0.8, Autonomy = 0.7, Fairness = 0.6, Growth = 0.5 };

        Enum.GetValues<CoreValue>().Select(c => v[c]).Should().Equal(0.9, 0.8, 0.7, 0.6, 0.5);
    }
}
