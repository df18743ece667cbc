namespace Anima.Engine;

/// <summary>Who an agent is and which layer implementations serve it, resolved by the façade from its options.</summary>
internal sealed record EngineSetup(
    ChannelProfile Profile,
    EmotionTable Emotions,
    Personality Personality,
    ValueSystem Values,
    TimeProvider Time,
    int Seed,
    IReactor Reactor,
    IEmotionMap EmotionMap,
    IIntegrationCalculator Integration,
    IPredictionModel Prediction,
    IValueSystem Veto,
    INarrator Narrator,
    IStimulusAppraiser Appraiser,
    IPersonalityModel PersonalityModel,
    IEgoDefense EgoDefense);
