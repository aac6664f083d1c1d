namespace Integra.Gateway.Configuration.Checks;

/// <summary>One bad setting: its key as the operator writes it (<c>Policy:MaxDaysOut</c>) and what is wrong with it.</summary>
public sealed record SettingProblem(string Key, string Problem)
{
    public override string ToString() => $"{Key}: {Problem}";
}
