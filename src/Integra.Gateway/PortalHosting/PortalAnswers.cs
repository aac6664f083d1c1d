using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.PortalInbox;
using NodaTime.Extensions;

namespace Integra.Gateway.PortalHosting;

/// <summary>Inbox entries as the portal shows them.</summary>
internal static class PortalAnswers
{
    public static PortalAnswer Of(PortalInboxEntry entry, bool repeated = false) =>
        new(entry.Id, entry.FileName, entry.DeliveredAt.ToDateTimeOffset(), entry.Rows.Select(AnswerRow.FromCells).ToList(), repeated);
}
