using System.Text.Json;

namespace Integra.Gateway.Tests;

/// <summary>
/// SPEC §6: a bad setting, bad reference data or a store that cannot be used ends `run` and every command with exit
/// code 2 and one line on stderr, `integra-gateway: KEY: PROBLEM`, and no stack trace. One test per class of problem.
/// </summary>
public sealed class FailFastSettingsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDir _temp = new();

    /// <summary>Every command, with the options it needs to get as far as reading its settings.</summary>
    public static TheoryData<string> Commands() => ["run", "process", "review", "sweep", "npac-import", "status", "show", "audit", "holidays"];

    private string[] Arguments(string command) => command switch
    {
        "run" => ["run"],
        "process" => ["process", "--out", _temp.File("out"), "--partner", "ACME", "--received", "2026-03-02T12:30:00-07:00", Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv")],
        "review" => ["review", "--out", _temp.File("out"), "--now", "2026-03-02T14:00:00-07:00", "--partner", "BRIDGE", "--pon", "BR-2001", "--approve"],
        "sweep" => ["sweep", "--out", _temp.File("out"), "--now", "2026-03-02T14:00:00-07:00"],
        "npac-import" => ["npac-import", _temp.File("activations.csv")],
        "status" => ["status"],
        "show" => ["show", "--pon", "BR-2001"],
        "audit" => ["audit", "--pon", "BR-2001", "--out", _temp.File("audit")],
        "holidays" => ["holidays", "--from", "2026", "--to", "2026"],
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>Settings that work, with <paramref name="changes"/> (section → keys) merged over them.</summary>
    private string Config(Dictionary<string, object> changes)
    {
        var settings = new Dictionary<string, object>
        {
            ["Gateway"] = new Dictionary<string, object> { ["DataDirectory"] = Repo.SampleData, ["Database"] = _temp.File("gateway.db") },
            ["LocalDrop"] = new Dictionary<string, object> { ["Root"] = _temp.File("drop"), ["SeedFrom"] = string.Empty },
            ["Lifecycle"] = new Dictionary<string, object> { ["SweepEnabled"] = false, ["NpacOutbox"] = _temp.File("npac") },
        };
        foreach (var (section, value) in changes)
        {
            settings[section] = settings.TryGetValue(section, out var existing) && existing is Dictionary<string, object> keys && value is Dictionary<string, object> more
                ? keys.Concat(more).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)
                : value;
        }

        var file = _temp.File($"settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(settings));
        return file;
    }

    private static Dictionary<string, object> Section(string section, params (string Key, object Value)[] keys) =>
        new() { [section] = keys.ToDictionary(k => k.Key, k => k.Value) };

    /// <summary>Runs <paramref name="args"/> and asserts exit 2 and one stderr line about <paramref name="key"/>; returns the line.</summary>
    private static string AssertRefused(string key, params string[] args)
    {
        var (code, _, error) = GatewayProcess.RunWithErrors(Patience, args);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(code == 2, $"exit {code}, stderr: {error}");
        var line = Assert.Single(lines);
        Assert.StartsWith($"integra-gateway: {key}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        return line;
    }

    private string Refused(string key, Dictionary<string, object> changes, string command = "status") =>
        AssertRefused(key, [.. Arguments(command), "--config", Config(changes)]);

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_value_out_of_its_range_stops_every_command(string command)
    {
        var line = Refused("Policy:MaxDaysOut", Section("Policy", ("MaxDaysOut", 0)), command);
        Assert.EndsWith("must be between 1 and 365, not 0", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_round_of_no_files_is_refused_before_the_daemon_starts()
    {
        var line = Refused("Intake:FilesPerRound", Section("Intake", ("FilesPerRound", 0)), "run");
        Assert.EndsWith("must be between 1 and 100000, not 0", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Intake", "MaxRows", "lots", "'lots' is not a whole number")]
    [InlineData("LocalDrop", "PollInterval", "2s", "'2s' is not a duration as hh:mm:ss (e.g. 00:00:30)")]
    [InlineData("Policy", "SimpleCutoff", "25:00", "'25:00' is not a time of day as HH:mm:ss (e.g. 13:00:00)")]
    [InlineData("Lifecycle", "SweepEnabled", "yes", "'yes' is not true or false")]
    public void A_value_that_is_not_of_its_type_names_the_key_and_the_form(string section, string key, string value, string problem)
    {
        var line = Refused($"{section}:{key}", Section(section, (key, value)));
        Assert.EndsWith(problem, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_is_an_unknown_setting_not_a_silent_default()
    {
        var line = Refused("Policy:MaxDayOut", Section("Policy", ("MaxDayOut", 10)), "process");
        Assert.Contains("unknown setting", line, StringComparison.Ordinal);
        Assert.Contains("MaxDaysOut", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Operations", "TimeZone", "America/Denvr")]
    [InlineData("Policy", "FallbackTimeZone", "Mountain")]
    [InlineData("Lifecycle", "SweepTimeZone", "MST7MDT/Nowhere")]
    public void A_time_zone_that_is_not_an_iana_id_is_refused(string section, string key, string zone)
    {
        var line = Refused($"{section}:{key}", Section(section, (key, zone)), "sweep");
        Assert.Contains($"'{zone}' is not an IANA time zone id", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_duration_is_refused()
    {
        Refused("Lifecycle:ClusterCheckin", Section("Lifecycle", ("ClusterCheckin", "-00:00:05")));
        Refused("Gateway:StoreCheckInterval", Section("Gateway", ("StoreCheckInterval", "00:00:00")));
    }

    private Dictionary<string, object> SftpPartner(string? hostKey = null, string? keyFile = null, bool credentials = true) => new Dictionary<string, object?>
    {
        ["Host"] = "sftp.acme.example",
        ["User"] = "integra",
        ["HostKeySha256"] = hostKey ?? "SHA256:9m/1NOWkckb59XdAcgDEE3LBGZmK4PX3Am8Yf8qN30g",
        ["PrivateKeyFile"] = credentials ? keyFile ?? _temp.File("acme_rsa") : null,
    }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);

    private static Dictionary<string, object> Sftp(string partner, object settings) =>
        new() { ["Sftp"] = new Dictionary<string, object> { ["Enabled"] = true, ["Partners"] = new Dictionary<string, object> { [partner] = settings } } };

    [Fact]
    public void An_sftp_partner_without_a_required_key_is_refused()
    {
        var partner = SftpPartner();
        partner.Remove("Host");
        Refused("Sftp:Partners:ACME:Host", Sftp("ACME", partner));
        Refused("Sftp:Partners:ACME:Port", Sftp("ACME", new Dictionary<string, object>(SftpPartner()) { ["Port"] = 70000 }));
    }

    [Theory]
    [InlineData("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")]
    [InlineData("SHA256:tooshort")]
    public void A_host_key_fingerprint_in_another_form_is_refused(string fingerprint)
    {
        var line = Refused("Sftp:Partners:ACME:HostKeySha256", Sftp("ACME", SftpPartner(hostKey: fingerprint)));
        Assert.Contains("ssh-keygen -l -E sha256", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sftp_partner_that_is_not_in_partners_csv_is_refused_where_the_reference_data_is_read()
    {
        var line = Refused("Sftp:Partners:ACMEE", Sftp("ACMEE", SftpPartner()), "process");
        Assert.Contains("partner ACMEE is not in partners.csv", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sftp_partner_without_credentials_is_refused()
    {
        var line = Refused("Sftp:Partners:ACME", Sftp("ACME", SftpPartner(credentials: false)));
        Assert.Contains("no credentials", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_refuses_a_key_file_it_cannot_read_or_load()
    {
        var line = Refused("Sftp:Partners:ACME:PrivateKeyFile", Sftp("ACME", SftpPartner(keyFile: _temp.File("missing_rsa"))), "run");
        Assert.Contains("missing_rsa", line, StringComparison.Ordinal);

        var notAKey = _temp.File("not_a_key");
        File.WriteAllText(notAKey, "ssh-ed25519 AAAA this is a public key line\n");
        Assert.Contains("is not a private key", Refused("Sftp:Partners:ACME:PrivateKeyFile", Sftp("ACME", SftpPartner(keyFile: notAKey)), "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void Mail_settings_are_checked_when_the_mailbox_is_on()
    {
        object Mail(string security, string from) => new Dictionary<string, object>
        {
            ["Enabled"] = true,
            ["Imap"] = new Dictionary<string, object> { ["Host"] = "imap.example", ["Port"] = 143, ["Security"] = security, ["User"] = "lsr@integra.example", ["PasswordFile"] = "imap" },
            ["Smtp"] = new Dictionary<string, object> { ["Host"] = "smtp.example", ["Port"] = 587 },
            ["From"] = from,
        };

        Refused("Mail:Imap:Security", new() { ["Mail"] = Mail("None", "lsr@integra.example") });
        Refused("Mail:Imap:Security", new() { ["Mail"] = Mail("Tls", "lsr@integra.example") });
        Refused("Mail:From", new() { ["Mail"] = Mail("StartTls", "not an address") });
        Refused("Mail:Imap:PasswordFile", new() { ["Mail"] = Mail("StartTls", "lsr@integra.example") }, "run");
    }

    [Fact]
    public void Health_settings_are_checked()
    {
        Refused("Health:Listen", Section("Health", ("Listen", "127.0.0.1:9180")));
        Refused("Health:MaxMissedPolls", Section("Health", ("MaxMissedPolls", 0)));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("process")]
    public void Missing_reference_data_is_refused_naming_where_it_was_looked_for(string command)
    {
        var line = Refused("Gateway:DataDirectory", Section("Gateway", ("DataDirectory", _temp.File("no-such-folder"))), command);
        Assert.EndsWith("reference data directory not found", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_that_is_missing_or_not_json_is_refused()
    {
        AssertRefused("--config", "status", "--config", _temp.File("nope.json"));
        var broken = _temp.File("broken.json");
        File.WriteAllText(broken, "{ \"Policy\": { ");
        AssertRefused("--config", "run", "--config", broken);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("status")]
    public void A_store_that_cannot_be_opened_is_refused(string command)
    {
        // A file where the store's folder should be: root cannot write there either.
        var blocker = _temp.File("blocker");
        File.WriteAllText(blocker, string.Empty);
        var database = Path.Combine(blocker, "gateway.db");
        var key = command == "status" ? "--db" : "Gateway:Database";
        var args = command == "status" ? [.. Arguments(command), "--db", database, "--config", Config([])] : Arguments(command).Concat(["--config", Config(Section("Gateway", ("Database", database)))]).ToArray();
        AssertRefused(key, args);
    }

    [Fact]
    public void An_unreachable_postgresql_store_is_refused_without_its_password()
    {
        var database = "Host=127.0.0.1;Port=1;Username=gateway;Password=never-shown;Database=gateway;Timeout=5";
        var line = Refused("Gateway:Database", Section("Gateway", ("Database", database)), "run");
        Assert.DoesNotContain("never-shown", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_reads_relative_secret_files_from_the_systemd_credentials_directory()
    {
        var credentials = _temp.File("credentials");
        Directory.CreateDirectory(credentials);
        var config = Config(new Dictionary<string, object>(Sftp("ACME", SftpPartner(keyFile: "acme_rsa")))
        {
            // A store nobody can open: the check after the key files, so that run stops there and does not start.
            ["Gateway"] = new Dictionary<string, object> { ["Database"] = Path.Combine(Repo.SampleData, "partners.csv", "gateway.db") },
        });
        var environment = new Dictionary<string, string> { ["CREDENTIALS_DIRECTORY"] = credentials };

        var (code, _, error) = GatewayProcess.RunWithErrors(Patience, environment, "run", "--config", config);
        Assert.Equal(2, code);
        Assert.StartsWith($"integra-gateway: Sftp:Partners:ACME:PrivateKeyFile: cannot read {Path.Combine(credentials, "acme_rsa")}", error, StringComparison.Ordinal);

        // systemd's LoadCredential= puts the key there: it is read and the start goes on to the next check.
        using (var keygen = System.Diagnostics.Process.Start("ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", string.Empty, "-f", Path.Combine(credentials, "acme_rsa")]))
        {
            keygen.WaitForExit();
            Assert.Equal(0, keygen.ExitCode);
        }

        (code, _, error) = GatewayProcess.RunWithErrors(Patience, environment, "run", "--config", config);
        Assert.Equal(2, code);
        Assert.StartsWith("integra-gateway: Gateway:Database: ", error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
