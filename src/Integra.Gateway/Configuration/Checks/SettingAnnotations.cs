using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Integra.Gateway.Configuration.Checks;

/// <summary>
/// The <c>[Required]</c> and <c>[Range]</c> (any <see cref="ValidationAttribute"/>) of a bound settings object and of
/// the settings objects inside it (<c>Mail:Imap</c>, each <c>Sftp:Partners:&lt;ID&gt;</c>), reported by key.
/// </summary>
internal static class SettingAnnotations
{
    public static void Check(object settings, string path, SettingsCheck check)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var key = $"{path}:{property.Name}";
            var value = property.GetValue(settings);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                {
                    check.Add(key, attribute switch
                    {
                        RequiredAttribute => "must be set",
                        RangeAttribute range => $"must be between {range.Minimum} and {range.Maximum}, not {value}",
                        _ => attribute.FormatErrorMessage(property.Name),
                    });
                }
            }

            switch (value)
            {
                case null or string or IEnumerable<string>:
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (entry.Value is { } item && IsSettings(item.GetType()))
                        {
                            Check(item, $"{key}:{entry.Key}", check);
                        }
                    }

                    break;
                default:
                    if (IsSettings(value.GetType()))
                    {
                        Check(value, key, check);
                    }

                    break;
            }
        }
    }

    /// <summary>A class of the gateway's own holding settings (not a string, a list or a framework value).</summary>
    private static bool IsSettings(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Integra.Gateway", StringComparison.Ordinal) == true;
}
