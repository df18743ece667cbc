using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anima.Orleans;

/// <summary>Builds the agent of an id the same way on every silo and every activation.</summary>
internal sealed class AnimaAgentFactory(IServiceProvider services, IOptions<AnimaGrainOptions> options)
{
    public AnimaGrainOptions Options => options.Value;

    public AnimaCore Create(string agentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        var grain = options.Value;
        var agent = new AnimaOptions
        {
            Name = agentId,
            Seed = SeedOf(agentId),
            TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System,
            LoggerFactory = services.GetService<ILoggerFactory>(),
            Embeddings = services.GetService<IEmbeddingGenerator<string, Embedding<float>>>(),
        };
        grain.ConfigureAgent?.Invoke(services, agentId, agent);
        return new AnimaCore(agent, grain.ChatClient?.Invoke(services, agentId));
    }

    /// <summary>A seed that depends on the id alone (xxHash32 of its UTF-8), so an agent is the same character wherever it wakes.</summary>
    internal static int SeedOf(string agentId) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(agentId)) & int.MaxValue);
}
