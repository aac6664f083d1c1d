namespace Integra.Gateway.Portal.Mail;

/// <summary>An attachment of a portal e-mail.</summary>
public sealed record MailFile(string Name, string ContentType, byte[] Content);

/// <summary>An e-mail the portal sends: a sign-in link, an onboarding answer.</summary>
public sealed record PortalMail(IReadOnlyList<string> To, string Subject, string Body, IReadOnlyList<MailFile> Attachments);

/// <summary>
/// Sends the portal's e-mails. Throws <see cref="IOException"/> (or the mail library's protocol exceptions) when
/// the mail cannot be handed over; the caller reports it to the user, who can send the link again.
/// </summary>
public interface IPortalMailer
{
    Task SendAsync(PortalMail mail, CancellationToken cancellationToken);
}
