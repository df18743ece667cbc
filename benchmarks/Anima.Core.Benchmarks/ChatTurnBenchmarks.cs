using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace Anima.Benchmarks;

/// <summary>
/// A chat turn's own overhead with the hashing embedding generator: the message appraised and experienced, the top
/// memories recalled out of 10,000 (and their echo felt), the block written with them, the reply experienced and the
/// turn considered for memory. The chat client answers at once, so what is measured is the library's part of a turn.
/// </summary>
[MemoryDiagnoser]
public class ChatTurnBenchmarks
{
    private static readonly string[] Lives =
    [
        "My dog Biscuit died last night and I can't stop crying.",
        "I got the job I wanted, I start on Monday!",
        "My grandmother is in hospital and they say she may not make it.",
        "I have a deadline tomorrow and I'm panicking about it.",
        "We walked the dog along the beach at sunset and it was lovely.",
    ];

    private AnimaCore _agent = null!;

    /// <summary>Gets or sets how many memories the agent holds.</summary>
    [Params(10_000)]
    public int Memories { get; set; }

    /// <summary>Gets or sets whether the memories' embeddings are int8 codes (<see cref="MemoryOptions.QuantizeEmbeddings"/>).</summary>
    [Params(false, true)]
    public bool Quantized { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _agent = new AnimaCore(new AnimaOptions { Seed = 1, MemoryOptions = new MemoryOptions { QuantizeEmbeddings = Quantized } }, new InstantChatClient());
        for (int i = 0; i < Memories; i++)
        {
            await _agent.RememberAsync(Lives[i % Lives.Length] + " (" + i + ")");
        }
    }

    [Benchmark(Description = "chat turn, recall from 10k")]
    public Task<ChatResponse> Turn() => _agent.ChatAsync("I saw a dog in the park today that looked a lot like him.");

    /// <summary>A chat client that answers every request at once with the same short reply.</summary>
    private sealed class InstantChatClient : IChatClient
    {
        private static readonly ChatResponse Reply = new(new ChatMessage(ChatRole.Assistant, "Oh, that must have brought him back to you."));

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Reply);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
