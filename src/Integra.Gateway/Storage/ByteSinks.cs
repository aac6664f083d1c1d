using System.Buffers;

namespace Integra.Gateway.Storage;

/// <summary>
/// A writer's output that only counts the bytes, through one small scratch buffer: the size of a large text before
/// it is written for real (<see cref="StoredJson.ResponseUtf8"/>).
/// </summary>
internal sealed class CountingWriter : IBufferWriter<byte>
{
    private byte[] _scratch = new byte[4096];

    public long Count { get; private set; }

    public void Advance(int count) => Count += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

    private byte[] Scratch(int sizeHint)
    {
        if (sizeHint > _scratch.Length)
        {
            _scratch = new byte[sizeHint];
        }

        return _scratch;
    }
}

/// <summary>
/// A writer's output into an array of a size known beforehand. A writer asks for room for the worst case of its next
/// value (every character escaped), more than the array's last bytes may have: it then writes into a scratch buffer,
/// whose bytes are copied into the array when they are committed. Writing past the array's end is a bug.
/// </summary>
internal sealed class FixedWriter(byte[] target) : IBufferWriter<byte>
{
    private byte[]? _scratch;
    private bool _inScratch;

    public int Written { get; private set; }

    public void Advance(int count)
    {
        if (count > target.Length - Written)
        {
            throw new InvalidOperationException($"Writing past the end of a {target.Length}-byte array.");
        }

        if (_inScratch)
        {
            _scratch.AsSpan(0, count).CopyTo(target.AsSpan(Written));
            _inScratch = false;
        }

        Written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Free(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Free(sizeHint).Span;

    private Memory<byte> Free(int sizeHint)
    {
        var wanted = Math.Max(sizeHint, 1);
        if (target.Length - Written >= wanted)
        {
            _inScratch = false;
            return target.AsMemory(Written);
        }

        if (_scratch is null || _scratch.Length < wanted)
        {
            _scratch = new byte[Math.Max(wanted, 4096)];
        }

        _inScratch = true;
        return _scratch;
    }
}
