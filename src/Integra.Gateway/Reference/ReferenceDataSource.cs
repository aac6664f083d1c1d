using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Reference;

/// <summary>A reference file of a loaded snapshot: its name, size and modification time (the version operations see).</summary>
public sealed record ReferenceFileVersion(string Name, long Size, Instant Modified);

/// <summary>
/// The reference data the daemon decides with, live: tns.csv and npac.csv change every day. A check loads a complete
/// new snapshot when any file changed and swaps it in whole; readers take <see cref="Current"/> once per batch, so a
/// file is decided against one snapshot. A snapshot that fails to load is refused: the old one stays and
/// <see cref="LastError"/> says why (file and line) until a good one loads.
/// </summary>
public sealed class ReferenceDataSource
{
    private readonly string _directory;
    private readonly IClock _clock;
    private readonly Func<IReadOnlyList<Partner>> _approvedPartners;
    private volatile Snapshot _snapshot;
    private volatile Refusal? _refusal;

    /// <exception cref="ReferenceDataException">The first load failed (the gateway does not start, exit 2).</exception>
    // approvedPartners: partners created by the portal's onboarding (the store), merged into every snapshot so that
    // the drop and mail channels know an approved partner at the next check, without a restart.
    public ReferenceDataSource(string directory, IClock clock, Func<IReadOnlyList<Partner>>? approvedPartners = null)
    {
        _directory = directory;
        _clock = clock;
        _approvedPartners = approvedPartners ?? (() => []);
        var versions = Versions();
        _snapshot = Merge(ReferenceDataLoader.Load(directory), clock.GetCurrentInstant(), versions, _approvedPartners());
    }

    /// <summary>
    /// A source that keeps <paramref name="loaded"/>, the snapshot a one-shot command loaded (and checked) from
    /// <paramref name="directory"/>: a command decides against the files as they were when it started.
    /// </summary>
    public ReferenceDataSource(string directory, ReferenceData loaded, IClock clock)
    {
        _directory = directory;
        _clock = clock;
        _approvedPartners = () => [];
        _snapshot = Merge(loaded, clock.GetCurrentInstant(), Versions(), []);
    }

    public ReferenceData Current => _snapshot.Data;

    /// <summary>When the current snapshot was loaded.</summary>
    public Instant LoadedAt => _snapshot.LoadedAt;

    /// <summary>The file versions the current snapshot was loaded from.</summary>
    public IReadOnlyList<ReferenceFileVersion> Files => _snapshot.Files;

    /// <summary>Why the latest changed files were refused, and when; null while the current snapshot is the newest.</summary>
    public (string Error, Instant At)? LastError => _refusal is { } r ? (r.Error, r.At) : null;

    /// <summary>
    /// Loads a new snapshot when the files differ from the current one's (or from the last refused ones). Returns
    /// true when a new snapshot was swapped in.
    /// </summary>
    /// <exception cref="ReferenceDataException">The changed files do not load; the old snapshot stays.</exception>
    public bool Refresh()
    {
        var versions = Versions();
        var approved = _approvedPartners();
        if (versions.SequenceEqual(_snapshot.Files) || (_refusal is { } refused && versions.SequenceEqual(refused.Files)))
        {
            if (Signature(approved) == Signature(_snapshot.Approved))
            {
                return false;
            }

            // Only the approved partners changed: the current files' data with the new partners.
            _snapshot = Merge(_snapshot.FileData, _clock.GetCurrentInstant(), _snapshot.Files, approved);
            return true;
        }

        ReferenceData data;
        try
        {
            data = ReferenceDataLoader.Load(_directory);
        }
        catch (Exception e) when (e is ReferenceDataException or IOException)
        {
            _refusal = new Refusal(e.Message, _clock.GetCurrentInstant(), versions);
            throw e as ReferenceDataException ?? new ReferenceDataException(e.Message, e);
        }

        // The files may have changed again while loading; the next check loads them.
        _snapshot = Merge(data, _clock.GetCurrentInstant(), versions, approved);
        _refusal = null;
        return true;
    }

    private List<ReferenceFileVersion> Versions() =>
        Directory.Exists(_directory)
            ? new DirectoryInfo(_directory).EnumerateFiles("*.csv")
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => new ReferenceFileVersion(f.Name, f.Length, Instant.FromDateTimeUtc(f.LastWriteTimeUtc)))
                .ToList()
            : [];

    /// <summary>What identifies a set of approved partners (records compare their e-mail lists by reference).</summary>
    private static string Signature(IReadOnlyList<Partner> partners) =>
        string.Join('\n', partners.Select(p => $"{p.Id};{p.Ccna};{p.Name};{p.Type};{string.Join(',', p.Emails)}"));

    private static Snapshot Merge(ReferenceData files, Instant loadedAt, IReadOnlyList<ReferenceFileVersion> versions, IReadOnlyList<Partner> approved) =>
        new(approved.Count == 0 ? files : files.WithPartners(approved), files, loadedAt, versions, approved);

    // Data is what decisions use: FileData (as loaded from the files alone) with the Approved partners.
    private sealed record Snapshot(ReferenceData Data, ReferenceData FileData, Instant LoadedAt, IReadOnlyList<ReferenceFileVersion> Files, IReadOnlyList<Partner> Approved);

    private sealed record Refusal(string Error, Instant At, IReadOnlyList<ReferenceFileVersion> Files);
}
