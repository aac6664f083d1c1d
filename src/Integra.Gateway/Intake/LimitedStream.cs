
namespace Integra.Gateway.Intake;

/// <summary>
/// A read-only view of a stream that throws <see cref="FileTooLargeException"/> past a byte limit. It closes the
/// stream it views unless <paramref name="leaveOpen"/> (a look at a file that is read again afterwards).
/// </summary>
internal sealed class LimitedStream(Stream inner, long limit, bool leaveOpen = false) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _read += n;
        return _read > limit ? throw new FileTooLargeException() : n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
