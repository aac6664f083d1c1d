using System.Globalization;
using Integra.Gateway.Portal.Mail;

namespace Integra.Gateway.Portal.Disputes;

/// <summary>The e-mail that tells a partner Integra needs evidence of authorization, with the link to answer.</summary>
public static class EvidenceMails
{
    public static PortalMail Requested(PortalSettings settings, IReadOnlyList<string> to, EvidenceRequest request, string companyName, string zoneId)
    {
        var link = $"{settings.LinkBase}/Partner/Disputes/Detail?id={request.Id.ToString(CultureInfo.InvariantCulture)}";
        var body = $"""
            Hello,

            Integra's port-out desk needs evidence that {companyName} ({request.Partner}) was authorized by the end user
            for {request.Kind} PON {request.Pon}, TNs {string.Join(", ", request.Tns)}.

            Why: {request.Reason}

            Please answer by the end of {request.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({zoneId}) in the portal, with the
            signed LOA or other authorization documents (PDF, TIFF, PNG or JPEG) and any explanation:
            {link}

            The policy: "If a dispute or discrepancy arises regarding the proper authorization(s) and/or your authority
            to act on behalf of the end-user, you are responsible for providing evidence of the authorization as may be
            requested by Integra."
            """;
        return new PortalMail(to, $"Integra: evidence of authorization requested for PON {request.Pon}", body, []);
    }
}
