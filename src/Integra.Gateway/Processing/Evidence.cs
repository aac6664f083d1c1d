using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Processing;

/// <summary>
/// The authorization evidence a request carried (policy: in a dispute the carrier must show its authorization;
/// Integra keeps what it received and when). Never the passcode.
/// </summary>
internal static class Evidence
{
    private static readonly Field[] Kept = [Field.Agauth, Field.Authnm, Field.Dated, Field.DtSent, Field.Inittel, Field.Loa];

    public static IReadOnlyDictionary<string, string> Of(FieldValues fields)
    {
        var kept = new Dictionary<string, string>(Kept.Length);
        foreach (var field in Kept)
        {
            if (fields.Has(field))
            {
                kept.Add(field.Name(), fields[field]);
            }
        }

        return kept;
    }
}
