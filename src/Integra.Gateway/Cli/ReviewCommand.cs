using System.CommandLine;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary><c>review</c>: approve or deny a pending expedite (PND X01) and write the FOC (SPEC §6).</summary>
internal static class ReviewCommand
{
    public static Command Create(CommonOptions common)
    {
        var now = new Option<string>("--now") { Description = "When the review happens, ISO 8601 with offset", Required = true };
        var partner = new Option<string>("--partner") { Description = "Partner id", Required = true };
        var pon = new Option<string>("--pon") { Description = "PON awaiting review", Required = true };
        var approve = new Option<bool>("--approve") { Description = "FOC at the requested DDD (or --dd)" };
        var deny = new Option<bool>("--deny") { Description = "FOC at the standard due date" };
        var dd = new Option<string?>("--dd") { Description = "With --approve: the due date to confirm, yyyy-MM-dd" };
        var command = new Command("review", "Approve or deny a pending expedite") { common.Data, common.Db, common.Out, now, partner, pon, approve, deny, dd };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(() =>
        {
            var isApprove = parse.GetValue(approve);
            if (isApprove == parse.GetValue(deny))
            {
                throw new UsageException("give exactly one of --approve and --deny");
            }

            var ddText = parse.GetValue(dd);
            if (ddText is not null && !isApprove)
            {
                throw new UsageException("--dd goes with --approve");
            }

            return ExecuteAsync(
                CommandSettings.Load(parse),
                parse.GetValue(common.Data),
                parse.GetValue(common.Db),
                parse.GetValue(common.Out)!,
                CliValues.Instant(parse.GetValue(now)!, "--now"),
                parse.GetValue(partner)!,
                parse.GetValue(pon)!,
                isApprove,
                ddText is null ? null : CliValues.Date(ddText, "--dd"),
                cancellationToken);
        }));
        return command;
    }

    private static async Task<int> ExecuteAsync(CommandSettings settings, string? data, string? db, string outDir, Instant now, string partnerId, string pon, bool approve, LocalDate? dd, CancellationToken cancellationToken)
    {
        using var context = CommandContext.Open(settings, data, db, new FixedClock(now));
        var partner = context.Partner(partnerId);
        ReviewAnswer answer;
        try
        {
            answer = await new ExpediteReview(context.Data, context.Policy, context.Store).DecideAsync(partner.Id, pon, approve, dd, now, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException(e.Message, e);
        }

        // The operator's copy; the outbox holds the FOC for delivery to the partner by the daemon.
        var rows = answer.Rows;
        var target = Path.Combine(outDir, partner.Id, answer.FileName);
        ResponseWriter.WriteFile(target, rows);
        Console.Out.WriteLine($"PON {pon} VER {rows[0].Ver}: FOC {rows[0].Dd} -> {target}");
        return ExitCodes.Done;
    }
}
