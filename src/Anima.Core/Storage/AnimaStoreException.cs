namespace Anima;

/// <summary>A store could not do what was asked: the file is not an Anima database, is corrupt, is locked, or is newer than this library.</summary>
public sealed class AnimaStoreException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="AnimaStoreException"/> class.</summary>
    public AnimaStoreException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AnimaStoreException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public AnimaStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AnimaStoreException"/> class with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The database's own error.</param>
    public AnimaStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
