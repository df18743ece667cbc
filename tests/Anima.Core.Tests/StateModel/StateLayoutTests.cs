using System.Text.Json;
using Anima.StateModel;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.StateModel;

public sealed class StateLayoutTests
{
    [Fact]
    public void Slots_OfOneLayout_NeverOverlap_AndACopyHoldsEveryValue()
    {
        var layout = new StateLayout();
        var numbers = layout.Numbers(3);
        var number = layout.Number();
        var point = layout.Point();
        var count = layout.Integer();
        var time = layout.Time();
        var text = layout.Object<string>();
        var state = layout.Create();

        numbers.Of(state).Fill(0.25);
        number.Of(state) = 7;
        point.Of(state) = new Vad(0.1, -0.2, 0.3);
        count.Of(state) = long.MaxValue;
        var instant = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(-5));
        time.Set(state, instant);
        text.Set(state, "kept");
        var copy = layout.Create();
        copy.CopyFrom(state);

        numbers.Of(copy).ToArray().Should().Equal(0.25, 0.25, 0.25);
        number.Of(copy).Should().Be(7);
        point.Of(copy).Should().Be(new Vad(0.1, -0.2, 0.3));
        count.Of(copy).Should().Be(long.MaxValue);
        time.Get(copy).Should().Be(instant);
        time.Get(copy).Offset.Should().Be(TimeSpan.FromHours(-5));
        text.Get(copy).Should().Be("kept");
    }

    [Fact]
    public void Reserve_AfterTheFirstStateIsMade_IsRefused()
    {
        var layout = new StateLayout();
        layout.Numbers(2);
        layout.Create();

        layout.Invoking(l => l.Number()).Should().Throw<InvalidOperationException>().WithMessage("*reserved before the first state*");
    }
}

public sealed class SectionReaderTests
{
    private static SectionReader Read(string json) => new(JsonDocument.Parse(json).RootElement, "reactors");

    [Fact]
    public void Numbers_OutOfRangeMissingOrMisshapen_AreRefusedByTheirPath()
    {
        var destination = new double[2];
        Read("""{"levels":[0.1,1.5]}""").Invoking(r => r.Numbers("levels", destination, 0, 1)).Should().Throw<InvalidDataException>().WithMessage("*reactors.levels[1] is 1.5, outside [0, 1]*");
        Read("""{"levels":[0.1]}""").Invoking(r => r.Numbers("levels", destination, 0, 1)).Should().Throw<InvalidDataException>().WithMessage("*reactors.levels holds 1 numbers; 2 were expected*");
        Read("{}").Invoking(r => r.Numbers("levels", destination)).Should().Throw<InvalidDataException>().WithMessage("*reactors.levels is missing*");
        Read("""{"levels":"high"}""").Invoking(r => r.Numbers("levels", destination)).Should().Throw<InvalidDataException>().WithMessage("*must be an array*");
    }

    [Fact]
    public void Enum_NamesAreRead_NumbersAndUnknownNamesAreRefused()
    {
        Read("""{"need":"Rest"}""").Enum<Need>("need").Should().Be(Need.Rest);
        Read("""{"concerns":"Harm, Deception"}""").Enum<RequestConcerns>("concerns").Should().Be(RequestConcerns.Harm | RequestConcerns.Deception);
        Read("""{"need":"3"}""").Invoking(r => r.Enum<Need>("need")).Should().Throw<InvalidDataException>().WithMessage("*reactors.need is '3', which is not a Need*");
        Read("""{"need":"Glory"}""").Invoking(r => r.Enum<Need>("need")).Should().Throw<InvalidDataException>().WithMessage("*'Glory', which is not a Need*");
        Read("""{"need":null}""").OptionalEnum<Need>("need").Should().BeNull();
    }

    [Fact]
    public void Integer_Time_AndText_AreCheckedAndNamed()
    {
        Read("""{"count":12}""").Integer("count", 0).Should().Be(12);
        Read("""{"count":-1}""").Invoking(r => r.Integer("count", 0)).Should().Throw<InvalidDataException>().WithMessage("*reactors.count is -1*");
        Read("""{"count":1.5}""").Invoking(r => r.Integer("count")).Should().Throw<InvalidDataException>().WithMessage("*must be a whole number*");
        Read("""{"at":"yesterday"}""").Invoking(r => r.Time("at")).Should().Throw<InvalidDataException>().WithMessage("*must be a date and time*");
        Read("""{"name":""}""").Invoking(r => r.Text("name")).Should().Throw<InvalidDataException>().WithMessage("*reactors.name is empty*");
    }
}
