using System.Text.Json;
using System.Text.Json.Serialization;

namespace Integra.Gateway.Operations;

/// <summary>
/// Writes a column the store keeps as JSON text (a version's response rows, its evidence fields) as the JSON it is, so
/// that <c>show --json</c> nests it instead of quoting it as a string a reader must parse a second time. Empty (a
/// response body retention removed) is <c>null</c>; text that is not JSON stays a string rather than break the report.
/// </summary>
public sealed class EmbeddedJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.ValueKind == JsonValueKind.Null ? null : document.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (string.IsNullOrEmpty(value))
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            document.RootElement.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Null is written as null (the serializer skips the converter for it otherwise only on read).</summary>
    public override bool HandleNull => true;
}
