using AnimaChat.Embeddings;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Samples;

/// <summary>AnimaChat's semantic recall: MiniLM, offline, finds paraphrased moments that the hashing generator misses.</summary>
public sealed class RecallCheckTests
{
    [Fact]
    public async Task RecallCheck_MiniLm_FindsEveryParaphraseAndMoreThanHashing()
    {
        using var minilm = new MiniLmEmbeddingGenerator();
        var report = new StringWriter();

        int exit = await RecallCheck.RunAsync(report, minilm);

        exit.Should().Be(0, report.ToString());
        report.ToString().Should().Contain("minilm 6 of 6");
    }

    [Fact]
    public async Task MiniLmEmbeddingGenerator_Embeds384UnitDimensions()
    {
        using var minilm = new MiniLmEmbeddingGenerator();

        var embeddings = await minilm.GenerateAsync(["My dog died.", "I start a new job."]);

        embeddings.Should().HaveCount(2);
        embeddings[0].Vector.Length.Should().Be(384);
        System.Numerics.Tensors.TensorPrimitives.Norm(embeddings[0].Vector.Span).Should().BeApproximately(1f, 1e-3f);
    }
}
