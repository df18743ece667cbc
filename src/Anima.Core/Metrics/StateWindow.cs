namespace Anima;

/// <summary>
/// The agent's recent reactor states as one time series per channel, oldest first, newest last: what an
/// <see cref="IIntegrationCalculator"/> measures.
/// </summary>
/// <remarks>A view over the agent's own buffer, valid only for the call it is passed to; it copies nothing.</remarks>
public readonly ref struct StateWindow
{
    private readonly ReadOnlySpan<double> _data;
    private readonly int _stride;
    private readonly int _offset;

    /// <summary>Initializes a window over series laid out channel after channel.</summary>
    /// <param name="series">Each channel's levels, oldest first, one channel after another; every channel has <c>series.Length / channels</c> levels.</param>
    /// <param name="channels">The number of channels, 1 to <see cref="ChannelProfile.MaxChannels"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channels"/> is outside 1 to <see cref="ChannelProfile.MaxChannels"/>.</exception>
    /// <exception cref="ArgumentException">The length of <paramref name="series"/> is not a multiple of <paramref name="channels"/>.</exception>
    public StateWindow(ReadOnlySpan<double> series, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, ChannelProfile.MaxChannels);
        if (series.Length % channels != 0)
        {
            throw new ArgumentException($"The series hold {series.Length} levels, which is not a multiple of {channels} channels.", nameof(series));
        }

        _data = series;
        Channels = channels;
        Length = series.Length / channels;
        _stride = Length;
        _offset = 0;
    }

    /// <summary>A window of <paramref name="length"/> levels per channel inside a strided buffer (the agent's ring).</summary>
    internal StateWindow(ReadOnlySpan<double> buffer, int channels, int stride, int offset, int length)
    {
        _data = buffer;
        Channels = channels;
        _stride = stride;
        _offset = offset;
        Length = length;
    }

    /// <summary>Gets the number of channels.</summary>
    public int Channels { get; }

    /// <summary>Gets the first level of channel 0; channel <c>c</c>'s series starts <see cref="Stride"/>·c further on.</summary>
    internal ref readonly double Origin => ref _data[_offset];

    /// <summary>Gets the levels from <see cref="Origin"/> on: channel <c>c</c>'s series starts at <see cref="Stride"/>·c.</summary>
    internal ReadOnlySpan<double> Series => _data[_offset..];

    /// <summary>Gets the distance between the starts of two neighbouring channels' series.</summary>
    internal int Stride => _stride;

    /// <summary>Gets the number of states in the window (the length of each channel's series).</summary>
    public int Length { get; }

    /// <summary>Gets one channel's levels over the window, oldest first.</summary>
    /// <param name="channel">The channel's index in the profile.</param>
    /// <returns>The channel's series of <see cref="Length"/> levels.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not below <see cref="Channels"/>.</exception>
    public ReadOnlySpan<double> this[int channel]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)channel, (uint)Channels, nameof(channel));
            return _data.Slice((channel * _stride) + _offset, Length);
        }
    }
}
