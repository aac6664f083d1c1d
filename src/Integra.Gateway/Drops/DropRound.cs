namespace Integra.Gateway.Drops;

/// <summary>What one round over a drop did.</summary>
/// <param name="Answered">Files finished this round (answered and archived).</param>
/// <param name="ReadyLeft">
/// Files that were ready but over the round's limit (<see cref="Configuration.IntakeSettings.FilesPerRound"/>):
/// a backlog, which the worker takes in its next round at once instead of after the poll interval.
/// </param>
public readonly record struct DropRound(int Answered, int ReadyLeft)
{
    /// <summary>Ready files are still waiting: poll again now.</summary>
    public bool BacklogRemains => ReadyLeft > 0;
}
