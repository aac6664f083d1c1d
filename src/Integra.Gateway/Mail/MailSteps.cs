using Integra.Gateway.Intake.Pipeline;

namespace Integra.Gateway.Mail;

/// <summary>
/// A step the request files of one mail message take together (the reply that carries all their answers, the move
/// of the message): one span per file, each in that file's own trace (issue 29), ended in the reverse order of their
/// start so that the activity current before comes back.
/// </summary>
internal sealed class MailSteps : IDisposable
{
    private readonly List<IDisposable?> _steps;

    private MailSteps(List<IDisposable?> steps) => _steps = steps;

    public static MailSteps Start(IReadOnlyList<ReceivedFile> files, string name) => new(files.Select(f => f.Trace?.Step(name)).ToList());

    public void Dispose()
    {
        for (var i = _steps.Count - 1; i >= 0; i--)
        {
            _steps[i]?.Dispose();
        }
    }
}
