using System.Text.Json;
using Anima.Engine;
using Anima.StateModel;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Engine;

public sealed class LifeTests
{
    [Fact]
    public void Reset_SeedsTheRandomSource_AndLivedRecordsTheCountAndTheTime()
    {
        var layout = new StateLayout();
        var life = new Life(layout);
        var a = layout.Create();
        var b = layout.Create();
        var start = new DateTimeOffset(2026, 5, 5, 5, 5, 5, TimeSpan.FromHours(2));

        life.Reset(a, start, 7);
        life.Reset(b, start, 8);
        life.Lived(a, 3, start.AddMinutes(1), 12345UL);

        life.Random(b).Should().NotBe(0, "a seed spreads over the whole state");
        (life.Count(a), life.LastTime(a), life.Random(a)).Should().Be((3L, start.AddMinutes(1), 12345UL));
    }

    [Fact]
    public void Read_ANegativeCountOrARandomOutOfRange_IsRefusedByPath()
    {
        var layout = new StateLayout();
        var life = new Life(layout);
        var bad = JsonDocument.Parse("""{"count":-2,"lastTime":"2026-01-01T00:00:00+00:00","random":1}""").RootElement;
        var huge = JsonDocument.Parse("""{"count":2,"lastTime":"2026-01-01T00:00:00+00:00","random":-1}""").RootElement;

        life.Invoking(l => l.Read(new SectionReader(bad, "life"), layout.Create())).Should().Throw<InvalidDataException>().WithMessage("*life.count is -2*");
        life.Invoking(l => l.Read(new SectionReader(huge, "life"), layout.Create())).Should().Throw<InvalidDataException>().WithMessage("*life.random must be an unsigned whole number*");
    }
}
