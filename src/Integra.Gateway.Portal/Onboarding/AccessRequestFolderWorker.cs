namespace Integra.Gateway.Portal.Onboarding;

/// <summary>
/// The access-request address's way in: Trading Partner Profiles e-mailed as the CSV form are saved into
/// <see cref="PortalSettings.AccessRequestFolder"/>; each <c>*.csv</c> there is queued (received time: when this
/// worker found it) and moved to <c>processed/</c>, or to <c>error/</c> with a <c>.why.txt</c> beside it.
/// </summary>
public sealed class AccessRequestFolderWorker(PortalSettings settings, OnboardingDesk desk, ILogger<AccessRequestFolderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.AccessRequestPollInterval);
        do
        {
            try
            {
                await ScanOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogError(e, "Scan of the access-request folder {Folder} failed; retrying next round", settings.AccessRequestFolder);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Queues every form file in the folder once; returns how many forms were queued.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var folder = settings.AccessRequestFolder;
        Directory.CreateDirectory(folder);
        var queued = 0;
        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            IReadOnlyList<TradingPartnerProfile> profiles;
            using (var reader = new StreamReader(file))
            {
                profiles = ProfileCsv.Read(reader);
            }

            var problems = profiles.Count == 0 ? ["no form row in the file"] : profiles.SelectMany(p => p.Problems()).ToList();
            if (problems.Count > 0)
            {
                Move(file, "error");
                File.WriteAllText(Path.Combine(folder, "error", name + ".why.txt"), string.Join(Environment.NewLine, problems));
                logger.LogWarning("Access request {File} is not a complete Trading Partner Profile: {Problems}", name, string.Join("; ", problems));
                continue;
            }

            foreach (var profile in profiles)
            {
                var submission = await desk.SubmitAsync(null, ProfileSources.Folder, profile, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Trading Partner Profile {Id} for {Partner} queued from {File}, due {Due:O}", submission.Id, profile.PartnerId, name, submission.DueAt);
                queued++;
            }

            Move(file, "processed");
        }

        return queued;
    }

    private static void Move(string file, string subfolder)
    {
        var target = Path.Combine(Path.GetDirectoryName(file)!, subfolder);
        Directory.CreateDirectory(target);
        File.Move(file, Path.Combine(target, $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{Path.GetFileName(file)}"), overwrite: true);
    }
}
