using Integra.Gateway.Rules.Model;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Cli;

/// <summary>Parses the value formats of SPEC §6.</summary>
internal static class CliValues
{
    /// <summary>ISO 8601 with an offset or Z, e.g. <c>2026-03-02T12:30:00-07:00</c>.</summary>
    public static Instant Instant(string text, string option)
    {
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            parsed = OffsetDateTimePattern.GeneralIso.Parse(text);
        }

        return parsed.Success
            ? parsed.Value.ToInstant()
            : throw new UsageException($"{option} '{text}' is not an ISO 8601 instant with offset, e.g. 2026-03-02T12:30:00-07:00 or 2026-03-02T19:30:00Z");
    }

    public static LocalDate Date(string text, string option)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new UsageException($"{option} '{text}' is not a date as yyyy-MM-dd");
    }

    /// <summary>sftp or email (SPEC §6); also local, the embedded drop, so the daemon's local drop answers its orders.</summary>
    public static Channel Channel(string text) => text.ToLowerInvariant() switch
    {
        "sftp" => Rules.Model.Channel.Sftp,
        "email" => Rules.Model.Channel.Email,
        "local" => Rules.Model.Channel.Local,
        _ => throw new UsageException($"--channel '{text}' must be sftp, email or local"),
    };
}
