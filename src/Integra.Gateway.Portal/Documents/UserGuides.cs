namespace Integra.Gateway.Portal.Documents;

/// <summary>A section of a user guide: a heading and its paragraphs.</summary>
public sealed record GuideSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A user guide: the page shows it, the printable version prints it, the welcome e-mail attaches it.</summary>
public sealed record Guide(string Title, string Slug, IReadOnlyList<GuideSection> Sections);

/// <summary>The Administrator User Guide and the Partner User Guide (SPEC §7), written once for the page and the e-mail.</summary>
public static class UserGuides
{
    public static Guide Administrator { get; } = new(
        "Administrator User Guide",
        "admin-guide",
        [
            new("Your role", [
                "As a partner administrator you manage your company's portal users: you create their user ids, give them privileges, send them password resets and disable them when they leave.",
                "Integra recommends two administrators per company, so that one can act while the other is away. The Users page says so while your company has only one.",
            ]),
            new("First sign-in", [
                "Your first sign-in comes as a one-time link by e-mail. Open it, choose a password of at least 12 characters (not your e-mail address or name, and not a common password), and you are signed in. The link works once and expires after a few days; a newer link replaces every older one. Ask your other administrator or Integra's desk for a new one if it expired.",
                "Nobody at Integra knows or asks for your password.",
            ]),
            new("Creating a user", [
                "Open Users, fill in the e-mail address and name, tick the privileges and choose Create. The user receives a one-time link by e-mail to choose a password.",
                "Privileges: CSR submits CSR requests; LSR submits LSRs and supplements; VIEW reads your company's orders, inbox and answers (CSR answers carry customer records). A user with CSR or LSR but not VIEW sees only the answers to the requests that user submitted, and supplements only the orders that user sent. An administrator's own account needs VIEW to read the orders.",
            ]),
            new("Changing privileges, resetting, disabling", [
                "Open a user from the Users page. Save privileges applies at the user's next page. Send reset link mails a new one-time link and ends the user's open sessions. Disable ends the user's sessions at once and refuses every sign-in until you enable the user again.",
            ]),
            new("Lockout", [
                "After 5 wrong passwords in a row an account is locked for 15 minutes; then it can sign in again. The sign-in page gives the same answer for a wrong address, a wrong password and a locked account. If the password is forgotten, send a reset link; it replaces every earlier link. Integra recommends two administrators; if both are away or their links expired, Integra's staff admins can add one or send the link again.",
            ]),
            new("Evidence requests", [
                "When an end user disputes a port, Integra asks your company for evidence of the end user's authorization (the signed LOA, a recording, a bill). You, the administrators, receive the request by e-mail with its reason, the TNs and the due date, and a link to it in the portal.",
                "Make sure someone answers by the end of the due date: users with VIEW, or with the privilege of the order's kind (LSR or CSR), see the request under Evidence requests and on the order's page and can answer with documents and text. An administrator's own account needs one of those privileges to answer. After the due date no answer is taken; ask Integra's desk to extend it.",
            ]),
            new("Audit trail", [
                "Every administrator action and every sign-in, successful or not, is kept in Integra's audit trail with its time and address.",
            ]),
        ]);

    public static Guide PartnerUser { get; } = new(
        "Partner User Guide",
        "user-guide",
        [
            new("Signing in", [
                "Your administrator creates your user id; you receive a one-time link by e-mail to choose a password of at least 12 characters, not your e-mail address or name and not a common password. After 5 wrong passwords in a row the account is locked for 15 minutes, and too many sign-in attempts from one address are refused for a minute.",
                "Sign out when you leave a shared computer.",
            ]),
            new("What you can do", [
                "With the CSR privilege you request customer service records; with LSR you send LSRs and supplements; with VIEW you follow your company's orders and download their answers. Without VIEW, your inbox holds the answers to your own requests only. The supplement form asks for the supplement type each time, and a SUP 1 (cancel) needs the box \"Yes, cancel this order\" ticked. Without VIEW you supplement only the orders you sent yourself; for a colleague's order ask a user with VIEW.",
            ]),
            new("Forms and uploads", [
                "Beside each file field the form says what it takes: an LOA is a PDF, TIFF, PNG or JPEG of at most 10 MiB; an uploaded request file (*.lsr.csv or *.csr.csv) at most 10 MiB. A larger LOA is refused on the form with everything you typed kept, and nothing is submitted: choose a smaller scan and submit again.",
                "A reject is shown beside the field it is about, in the words of the form; the answer file you download has the same codes with the file interface's messages.",
                "On the Orders page the PON filter finds every order whose PON starts with what you type, in capitals or not.",
            ]),
            new("Keyboard", [
                "Every form works with the keyboard alone: Tab and Shift+Tab move between the fields in reading order and the field with the focus has a yellow frame; Space ticks a box or opens the file chooser; Enter or Space on a button submits. After a submit the answer has the focus, and the next Tab reaches its download. The first Tab on a page offers \"Skip to the page\".",
            ]),
            new("Documents", [
                "The reject resolution guide explains every reject code: what it means, the usual cause, how to fix it, and an example.",
                "The contact and escalation list gives the LSR desk of every state and operating company.",
                "The LSR form CSV template has the columns of an LSR file, ready for a spreadsheet.",
            ]),
            new("Answers", [
                "Every request gets one answer: FOC rows with the due date, PND while an expedite waits for review, REJ rows with what to fix, CAN rows when an order is canceled or expires, CSR rows for a CSR request.",
            ]),
            new("Evidence requests", [
                "When a port is disputed, Integra asks for evidence of the end user's authorization. Your administrators are e-mailed, and the request shows on your home page, under Evidence requests (in the page header) and on the order's page, for users with VIEW or with the privilege of the order's kind (LSR or CSR).",
                "Answer with the signed LOA or other documents (PDF, TIFF, PNG or JPEG, at most 10 MB each; a file is judged by its content, not its name) and an explanation. You may answer more than once until Integra decides. If Integra rejects the evidence, the reason is shown and you may answer again until the due date. No answer is taken after the end of the due date: ask Integra's desk to extend it.",
            ]),
        ]);

    public static IReadOnlyList<Guide> All { get; } = [Administrator, PartnerUser];
}
