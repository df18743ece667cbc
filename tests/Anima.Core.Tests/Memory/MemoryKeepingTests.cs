using FluentAssertions;
using Xunit;

namespace Anima.Tests.Memory;

public sealed class MemoryKeepingTests
{
    [Fact]
    public async Task RememberAsync_FromManyThreadsAcrossAReset_KeepsIdsRisingAndNothingFromBefore()
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1 });
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => agent.RememberAsync($"before {i}"))));
        agent.Reset();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => agent.RememberAsync($"after {i}"))));

        var kept = agent.Memory.GetAll();
        kept.Should().HaveCount(64);
        kept.Select(m => m.Id).Should().Equal(Enumerable.Range(1, 64).Select(i => (long)i));
        kept.Should().OnlyContain(m => m.Text.StartsWith("after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportState_AMemoryOutOfOrder_IsRefusedByIndex()
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1 });
        await agent.RememberAsync("one");
        await agent.RememberAsync("two");
        string json = agent.ExportState().Replace("\"id\":2", "\"id\":1", StringComparison.Ordinal);

        agent.Invoking(a => a.ImportState(json)).Should().Throw<InvalidDataException>().WithMessage("*memories[1].id is 1; ids must rise*");
    }
}
