using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Integra.Gateway.Configuration.Checks;

/// <summary>
/// Checks that every value of a section can be bound to its settings class — a number where a number goes, a
/// duration where a duration goes — and that every key is one the class has, so that a misspelt key is an error rather
/// than a setting silently left at its default. Values of keys named like secrets are never echoed.
/// </summary>
internal static class SettingValues
{
    public static void Check(IConfigurationSection section, Type type, SettingsCheck check)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                check.Add(child.Path, $"unknown setting; {section.Path} has {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}");
                continue;
            }

            CheckValue(child, property.PropertyType, check);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, SettingsCheck check)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            if (section.Value is null)
            {
                if (section.GetChildren().Any())
                {
                    check.Add(section.Path, $"must be a single value ({Describe(type)}), not a section");
                }

                return;
            }

            if (!Converts(section.Value, type))
            {
                var shown = section.Key.Contains("Password", StringComparison.OrdinalIgnoreCase) ? "the value" : $"'{section.Value}'";
                check.Add(section.Path, $"{shown} is not {Describe(type)}");
            }

            return;
        }

        if (section.Value is { Length: > 0 })
        {
            check.Add(section.Path, "must be a section with keys, not a single value");
            return;
        }

        if (ElementType(type) is { } element)
        {
            foreach (var item in section.GetChildren())
            {
                CheckValue(item, element, check);
            }

            return;
        }

        Check(section, type, check);
    }

    /// <summary>The element type of a list, an array, or the value type of a dictionary with string keys.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        return definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)
            ? arguments[1]
            : definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>)
                ? arguments[0]
                : null;
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(TimeOnly) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri);

    private static bool Converts(string value, Type type)
    {
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!) && !char.IsAsciiDigit(value.TrimStart('-')[0]);
        }

        try
        {
            // What the configuration binder does with a value.
            return TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, value) is not null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
        _ when type == typeof(TimeSpan) => "a duration as hh:mm:ss (e.g. 00:00:30)",
        _ when type == typeof(TimeOnly) => "a time of day as HH:mm:ss (e.g. 13:00:00)",
        _ when type == typeof(DateOnly) => "a date as yyyy-MM-dd",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ => $"a {type.Name}",
    };
}
