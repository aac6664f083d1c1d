using System.Security.Cryptography;
using Integra.Gateway.Delivery;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The desk's seeds (issue 17): request files through the gateway's own pipeline, and the outbox read back.</summary>
internal sealed partial class PortalHarness
{
    /// <summary>Monday 2026-03-02 12:30 in Denver: the samples' expedites go to PND X01 when received then.</summary>
    public static readonly DateTimeOffset SampleMonday = new(2026, 3, 2, 19, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// Decides a sample drop file of <paramref name="partner"/> as received now on <paramref name="channel"/>, through
    /// the intake pipeline every channel feeds (mail with a thread to answer to, as the mailbox would give it).
    /// </summary>
    public Task<IReadOnlyList<IntakeItem>> ReceiveAsync(string partner, string file, Channel channel)
    {
        var content = File.ReadAllBytes(Path.Combine(Repo.SampleDrop(partner), file));
        return ReceiveAsync(partner, file, content, channel);
    }

    /// <summary>Decides <paramref name="content"/> as the file <paramref name="name"/> of <paramref name="partner"/> received now.</summary>
    /// <param name="receivedEarlier">How long before now it was first seen (a file that waited before it was decided).</param>
    public async Task<IReadOnlyList<IntakeItem>> ReceiveAsync(string partner, string name, byte[] content, Channel channel, TimeSpan receivedEarlier = default)
    {
        var data = Gateway.Services.GetRequiredService<ReferenceDataSource>().Current;
        var sender = data.Partner(partner)!;
        var thread = channel == Channel.Email ? new MailThread(sender.Emails[0], $"<{name}@{partner.ToLowerInvariant()}.example>", string.Empty, $"LSR {name}") : null;
        using var pipeline = await Gateway.Services.GetRequiredService<IntakePipelines>().CreateAsync(CancellationToken.None);
        using var stream = new MemoryStream(content);
        var received = new ReceivedFile(sender, channel, name, stream, Convert.ToHexStringLower(SHA256.HashData(content)), Instant.FromDateTimeOffset(Time.GetUtcNow() - receivedEarlier), [], thread);
        var items = await pipeline.DecideAsync([received], CancellationToken.None);
        await pipeline.AnsweredAsync(items, CancellationToken.None);
        return items;
    }

    /// <summary>Files listed in a drop or mailbox of <paramref name="partner"/> and not yet decided (waiting for an answer).</summary>
    public async Task SightAsync(string partner, Channel channel, params string[] names)
    {
        using var pipeline = await Gateway.Services.GetRequiredService<IntakePipelines>().CreateAsync(CancellationToken.None);
        await pipeline.SightedAsync(partner, channel, names, CancellationToken.None);
    }

    /// <summary>Opens the gateway's order store (dispose it).</summary>
    public IUnitOfWork IUnitOfWork() => Gateway.Services.GetRequiredService<UnitOfWorkFactory>().Open();

    /// <summary>Responses waiting in the outbox for delivery on <paramref name="channel"/>, of every partner.</summary>
    public async Task<IReadOnlyList<OutboxFile>> OutboxAsync(Channel channel)
    {
        using var store = IUnitOfWork();
        return await store.Outbox.PendingAsync(channel, null, CancellationToken.None);
    }

    /// <summary>The order of <paramref name="partner"/> with LSR PON <paramref name="pon"/>.</summary>
    public StoredOrder Order(string partner, string pon)
    {
        using var store = IUnitOfWork();
        return store.Orders.FindOrdersByPon(partner, Processing.LsrRequestHandler.Kind, pon).Single();
    }
}
