using System.CommandLine;
using Integra.Gateway.Configuration;
using Integra.Gateway.Operations;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Evidence;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary>
/// <c>evidence --pon PON --partner ID --out FILE</c>: the evidence package of one order (SPEC §7), the same ZIP the
/// desk downloads from the order's page; its SHA-256 is printed and recorded in the audit trail. Exit 2 with one line
/// for bad input (no such order, a PON with orders of both kinds and no <c>--kind</c>, an unwritable file); exit 1
/// when a stored file fails its hash check (no package is written).
/// </summary>
internal static class EvidenceCommand
{
    public static Command Create()
    {
        var pon = new Option<string>("--pon") { Description = "Purchase order number", Required = true };
        var partner = new Option<string>("--partner") { Description = "The partner's id", Required = true };
        var outFile = new Option<string>("--out") { Description = "The ZIP file to write", Required = true };
        var kind = new Option<string?>("--kind") { Description = "LSR or CSR, when the PON names orders of both kinds" };
        var db = new Option<string?>("--db") { Description = "Order store (default: Gateway:Database from the settings)" };
        var command = new Command("evidence", "Write an order's evidence package: requests, responses, LOAs, evidence files, history, audit rows, MANIFEST.csv with SHA-256") { pon, partner, outFile, kind, db };
        command.SetAction(parse => CommandRunner.RunAsync(async () =>
        {
            var settings = CommandSettings.Load(parse);
            using var host = CommandHost.Build(settings, dataOption: null, parse.GetValue(db), SystemClock.Instance);
            using (host.OpenExistingStore())
            {
                // Checks the store exists (one line, exit 2, when it does not) and brings its schema up to date.
            }

            var folder = PortalEvidence.FolderOf(settings.Configuration.Section<DisputesSettings>());
            var (partnerId, ponText) = (parse.GetValue(partner)!.Trim().ToUpperInvariant(), parse.GetValue(pon)!.Trim());
            var orderId = Order(host, partnerId, ponText, parse.GetValue(kind));
            var stores = host.Services.GetRequiredService<UnitOfWorkFactory>();
            var views = new OrderViews(stores);
            EvidencePackageFile package;
            try
            {
                package = (await new EvidencePackageBuilder(stores, views, folder).BuildAsync(orderId, CancellationToken.None))!;
            }
            catch (EvidenceIntegrityException e)
            {
                Console.Error.WriteLine($"integra-gateway: no package written: {e.Message}");
                return ExitCodes.FileFailed;
            }

            var target = parse.GetValue(outFile)!;
            Write(target, package.Content);
            await host.OpenPortalStore().AddAuditAsync(
                new AuditEntry(
                    DateTimeOffset.UtcNow, $"cli:{Environment.UserName}", partnerId, DisputeAuditActions.PackageDownloaded, DisputeAuditActions.Target(ponText),
                    $"{package.Name} sha256 {package.Sha256}, {package.Content.Length} bytes, written to {Path.GetFullPath(target)}", string.Empty),
                CancellationToken.None);
            Console.Out.WriteLine($"{Path.GetFullPath(target)} sha256 {package.Sha256}");
            return ExitCodes.Done;
        }));
        return command;
    }

    private static long Order(CommandHost host, string partner, string pon, string? kind)
    {
        using var store = host.OpenExistingStore();
        var orders = store.History.HistoryOrdersOfPon(pon, partner)
            .Where(o => kind is null || string.Equals(StoredText.Of(o.Kind), kind, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return orders.Count switch
        {
            0 => throw new UsageException($"no order of {partner} with PON {pon}{(kind is null ? string.Empty : $" of kind {kind}")}"),
            1 => orders[0].Id,
            _ => throw new UsageException($"PON {pon} of {partner} names {orders.Count} orders ({string.Join(", ", orders.Select(o => $"{StoredText.Of(o.Kind)} CCNA {o.Ccna}"))}): give --kind"),
        };
    }

    // Written beside the target and moved into place: a reader never sees half a package.
    private static void Write(string target, byte[] content)
    {
        try
        {
            var full = Path.GetFullPath(target);
            var temp = full + ".partial";
            File.WriteAllBytes(temp, content);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {target}: {e.Message}", e);
        }
    }
}
