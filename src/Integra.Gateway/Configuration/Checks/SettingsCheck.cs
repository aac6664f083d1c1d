using System.Text.RegularExpressions;
using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Configuration.Checks;

/// <summary>
/// Collects the problems of one run of the settings checks, with the checks every section uses (time zones,
/// durations, files, fingerprints). A check that needs the reference data or the files of the daemon runs only when
/// the caller asked for it.
/// </summary>
public sealed partial class SettingsCheck
{
    private readonly List<SettingProblem> _problems = [];

    /// <param name="data">The loaded reference data, to check that configured partners exist; null to skip.</param>
    /// <param name="files">
    /// Whether files the daemon reads (keys, password files) must be readable now. Only <c>run</c> asks: an operator's
    /// command under another user need not read the service's secrets.
    /// </param>
    public SettingsCheck(ReferenceData? data = null, bool files = false)
    {
        Data = data;
        Files = files;
    }

    public ReferenceData? Data { get; }

    public bool Files { get; }

    public IReadOnlyList<SettingProblem> Problems => _problems;

    public void Add(string key, string problem) => _problems.Add(new SettingProblem(key, problem));

    /// <summary>An IANA zone id that NodaTime knows (the rules and the command line use it).</summary>
    public void TimeZone(string key, string? id)
    {
        if (!string.IsNullOrEmpty(id) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is null)
        {
            Add(key, $"'{id}' is not an IANA time zone id (e.g. America/Denver)");
        }
    }

    /// <summary>An IANA zone id that NodaTime and the operating system both know (Quartz schedules in the system's zones).</summary>
    public void SystemTimeZone(string key, string? id)
    {
        var before = _problems.Count;
        TimeZone(key, id);
        if (_problems.Count == before && !string.IsNullOrEmpty(id) && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            Add(key, $"'{id}' is not a time zone of this system (is the tzdata package installed?)");
        }
    }

    public void Positive(string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            Add(key, $"must be a duration above zero, not {value}");
        }
    }

    public void NotNegative(string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            Add(key, $"must not be a negative duration ({value})");
        }
    }

    public void AtLeast(string key, long value, long minimum)
    {
        if (value < minimum)
        {
            Add(key, $"must be at least {minimum}, not {value}");
        }
    }

    public void NotBlank(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, "must be set");
        }
    }

    /// <summary>A file the daemon reads (a key, a password file): it must exist and be readable, when files are checked.</summary>
    /// <returns>Whether the file is readable (true when files are not checked).</returns>
    public bool Readable(string key, string? path)
    {
        if (!Files || string.IsNullOrEmpty(path))
        {
            return true;
        }

        var full = SecretFile.Resolve(path);
        try
        {
            using var stream = File.OpenRead(full);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Add(key, $"cannot read {full}: {e.Message}");
            return false;
        }
    }

    /// <summary>A pinned SSH host key as <c>ssh-keygen -l -E sha256</c> prints it: <c>SHA256:</c> and 43 base64 characters.</summary>
    public void Sha256Fingerprint(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !Fingerprint().IsMatch(value.Trim()))
        {
            Add(key, $"'{value}' is not a SHA256 host key fingerprint as ssh-keygen -l -E sha256 prints it (SHA256: and 43 base64 characters)");
        }
    }

    /// <summary>A partner id that partners.csv has, when the reference data is at hand.</summary>
    public void KnownPartner(string key, string id)
    {
        if (Data is not null && Data.Partner(id) is null)
        {
            Add(key, $"partner {id} is not in partners.csv (PARTNER: {string.Join(", ", Data.Partners.Select(p => p.Id))})");
        }
    }

    [GeneratedRegex(@"^(SHA256:)?[A-Za-z0-9+/]{43}=?$")]
    private static partial Regex Fingerprint();
}
