using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Documents;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Portal.Mail;

/// <summary>The e-mails that carry one-time links to partner administrators, in one place so every path says the same.</summary>
public static class AccountMails
{
    /// <summary>A partner administrator's first sign-in, with the Administrator and Partner User Guides attached.</summary>
    public static PortalMail Administrator(PortalSettings settings, Partner partner, PortalUser user, string link, bool newPartner)
    {
        var opening = newPartner
            ? $"{partner.Name} ({partner.Id}) is now an Integra trading partner, and you are one of its portal administrators."
            : $"You are now a portal administrator of {partner.Name} ({partner.Id}) at Integra.";
        var body = $"""
            Hello {user.Name},

            {opening}

            Your first sign-in: open this link and choose your password. The link works once, within {settings.LinkLifetime.TotalDays:0} days:
            {link}

            The Administrator User Guide and the Partner User Guide are attached; they are also in the portal under Documents.
            If the link has expired, ask your other administrator or Integra's desk to send a new one.
            """;
        return new PortalMail(
            [user.Email],
            "Integra portal: your administrator account",
            body,
            [
                new MailFile("administrator-user-guide.html", "text/html", GuideHtml.Render(UserGuides.Administrator)),
                new MailFile("partner-user-guide.html", "text/html", GuideHtml.Render(UserGuides.PartnerUser)),
            ]);
    }

    /// <summary>A new one-time link sent by a staff admin: the first sign-in again, or a new password.</summary>
    public static PortalMail LinkAgain(PortalSettings settings, PortalUser user, string link) =>
        new(
            [user.Email],
            user.PasswordHash is null ? "Integra portal: your sign-in link, again" : "Integra portal: choose a new password",
            $"""
            Hello {user.Name},

            Integra sent you a new one-time link for the portal ({user.Email}). Earlier links no longer work.
            Open it within {settings.LinkLifetime.TotalDays:0} days and choose your password:
            {link}
            """,
            []);
}
