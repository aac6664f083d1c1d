using System.Security.Cryptography;
using System.Text;
using Integra.Gateway.Delivery;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Integra.Gateway.Portal.Tests;

/// <summary>Orders for the tracking tests, made the way the channels make them: request files through the gateway's pipeline.</summary>
internal sealed partial class PortalHarness
{
    /// <summary>
    /// Receives <paramref name="content"/> as the request file <paramref name="name"/> of <paramref name="partner"/> on
    /// <paramref name="channel"/> now, decides it with the intake pipeline the channel workers use and records it
    /// answered; returns the answer, whose rows are what the channel delivered.
    /// </summary>
    public async Task<FileOutcome> ReceiveAsync(string partner, Channel channel, string name, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        using var stream = new MemoryStream(bytes);
        var sender = Gateway.Services.GetRequiredService<ReferenceDataSource>().Current.Partner(partner)
            ?? throw new InvalidOperationException($"{partner} is not in the sample partners");
        var thread = channel == Channel.Email ? new MailThread(sender.Emails[0], $"<{name}@{partner.ToLowerInvariant()}.example>", string.Empty, $"Orders {name}") : null;
        var file = new ReceivedFile(sender, channel, name, stream, Convert.ToHexStringLower(SHA256.HashData(bytes)), Now, [], thread);
        using var pipeline = await Gateway.Services.GetRequiredService<IntakePipelines>().CreateAsync(CancellationToken.None);
        var items = await pipeline.DecideAsync([file], CancellationToken.None);
        await pipeline.AnsweredAsync(items, CancellationToken.None);
        await pipeline.ArchivedAsync(items, CancellationToken.None);
        return items[0].Outcome ?? throw new InvalidOperationException($"{name} was not decided");
    }

    /// <summary>Imports NPAC activations (<c>TN,SPID,ACTIVATED</c> lines) as the <c>npac-import</c> command does.</summary>
    public async Task ImportActivationsAsync(params string[] lines)
    {
        var path = Path.Combine(_dir.Path, $"activations-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["TN,SPID,ACTIVATED", .. lines]);
        using var store = Gateway.Services.GetRequiredService<UnitOfWorkFactory>().Open();
        await new ActivationImport(store, Gateway.Services.GetRequiredService<IClock>()).ImportAsync(path, CancellationToken.None);
    }

    /// <summary>The desk approves the expedite of <paramref name="pon"/> as <c>review</c> does; returns the file recorded for delivery.</summary>
    public async Task<ReviewAnswer> ApproveExpediteAsync(string partner, string pon, LocalDate dueDate)
    {
        using var store = Gateway.Services.GetRequiredService<UnitOfWorkFactory>().Open();
        var review = new ExpediteReview(
            Gateway.Services.GetRequiredService<ReferenceDataSource>().Current,
            Gateway.Services.GetRequiredService<Rules.Policy.PolicyOptions>(),
            store);
        return await review.DecideAsync(partner, pon, approve: true, dueDate, Now, CancellationToken.None);
    }

    /// <summary>The id of the order of <paramref name="partner"/> with this PON.</summary>
    public long OrderId(string partner, string kind, string pon)
    {
        using var store = Gateway.Services.GetRequiredService<UnitOfWorkFactory>().Open();
        return store.Orders.FindOrdersByPon(partner, StoredText.OrderKind(kind), pon).Single().Id;
    }

    private Instant Now => Instant.FromDateTimeOffset(Time.GetUtcNow());
}
