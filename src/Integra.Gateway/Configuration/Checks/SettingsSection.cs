using Microsoft.Extensions.Configuration;

namespace Integra.Gateway.Configuration.Checks;

/// <summary>One section of the settings that is checked before a command runs.</summary>
public interface ISettingsSection
{
    /// <summary>The section name, e.g. <c>Policy</c>.</summary>
    string Name { get; }

    void Check(IConfiguration configuration, SettingsCheck check);
}

/// <summary>
/// The section <see cref="Name"/> bound to <typeparamref name="T"/>: each value must bind, each key must exist, the
/// class's validation attributes must hold, then <c>rules</c> (what attributes cannot say: zones, files, partners).
/// </summary>
/// <param name="name">The section name.</param>
/// <param name="rules">The section's own checks, given the bound settings; keys they report start with the name.</param>
/// <param name="enabledKey">
/// For a channel that is off by default or can be turned off (<c>Mail</c>, <c>Sftp</c>), the key that turns it on:
/// a section that is off is not checked, since nothing reads it.
/// </param>
/// <param name="enabledByDefault">Whether the section is on when <paramref name="enabledKey"/> is not set.</param>
public sealed class SettingsSection<T>(string name, Action<T, SettingsCheck>? rules = null, string? enabledKey = null, bool enabledByDefault = true) : ISettingsSection
    where T : class, new()
{
    public string Name => name;

    public void Check(IConfiguration configuration, SettingsCheck check)
    {
        var section = configuration.GetSection(name);
        if (enabledKey is not null && !IsOn(section[enabledKey]))
        {
            return;
        }

        var before = check.Problems.Count;
        SettingValues.Check(section, typeof(T), check);
        if (check.Problems.Count > before)
        {
            return; // the section does not bind: its other checks would only repeat the problem
        }

        var settings = new T();
        section.Bind(settings);
        SettingAnnotations.Check(settings, name, check);
        rules?.Invoke(settings, check);
    }

    /// <summary>On unless set to false; a value that is not a boolean counts as on, so that its check reports it.</summary>
    private bool IsOn(string? value) => value is null ? enabledByDefault : !bool.TryParse(value, out var on) || on;
}
