using FluentAssertions;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Anima.Orleans.Tests;

/// <summary>A silo configured wrongly for agents refuses to start, and says what is missing.</summary>
public sealed class SiloStartTests
{
    [Theory]
    [InlineData("no storage", "*StorageName*'anima'*no grain storage*AddMemoryGrainStorage*")]
    [InlineData("no streams", "*StreamProvider*'anima-streams'*no stream provider*")]
    [InlineData("heartbeat too short", "*HeartbeatPeriod*00:00:05*minimum reminder period*")]
    [InlineData("no reminders", "*HeartbeatPeriod*no reminder service*UseInMemoryReminderService*")]
    [InlineData("negative save policy", "*SaveEvery*-1*")]
    public async Task AWronglyConfiguredSilo_RefusesToStart_NamingTheProblem(string problem, string message)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: Random.Shared.Next(20_000, 40_000), gatewayPort: Random.Shared.Next(40_000, 60_000));
            silo.AddAnima(options =>
            {
                options.HeartbeatPeriod = problem switch
                {
                    "heartbeat too short" => TimeSpan.FromSeconds(5),
                    "no reminders" => TimeSpan.FromHours(1),
                    _ => null,
                };
                options.SaveEvery = problem == "negative save policy" ? -1 : 1;
            });
            if (problem != "no storage")
            {
                silo.AddMemoryGrainStorage("anima");
            }

            if (problem != "no streams")
            {
                silo.AddMemoryStreams(AnimaGrainOptions.DefaultStreamProviderName).AddMemoryGrainStorage("PubSubStore");
            }

            if (problem == "heartbeat too short")
            {
                silo.UseInMemoryReminderService();
            }
        });
        using var host = builder.Build();

        var start = () => host.StartAsync(TestContext.Current.CancellationToken);

        (await start.Should().ThrowAsync<OrleansConfigurationException>()).WithMessage(message);
    }

    [Fact]
    public async Task AnAnimaStore_KeepsOnlyAgents_AndSaysSoToOtherGrains()
    {
        var storage = new AnimaStoreGrainStorage(new SqliteAnimaStore(Path.Combine(Path.GetTempPath(), $"anima-only-{Guid.NewGuid():N}.db")), null!);
        var read = () => storage.ReadStateAsync("counter", GrainId.Create("counter", "1"), new GrainState<int>());

        (await read.Should().ThrowAsync<NotSupportedException>()).WithMessage("*keeps only agent grains' state*System.Int32*another grain storage provider*");
    }
}
