using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Portal.Submissions;

/// <summary>Who submits which rendered form: the partner comes from the signed-in user, never from the content.</summary>
/// <param name="Partner">The signed-in user's partner.</param>
/// <param name="SubmittedBy">The signed-in user's e-mail, kept with the submission.</param>
/// <param name="FormId">The id the form was rendered with (<see cref="FormIds"/>): one request per partner.</param>
/// <param name="Loa">For a CSR: the letter of authorization uploaded with it; the rules check its content (C2).</param>
/// <param name="Channel">The channel it came on: the portal's pages, or the partner API (SPEC §8), whose answers share the inbox.</param>
public sealed record PortalSubmission(string Partner, string SubmittedBy, string FormId, UploadedFile? Loa = null, Channel Channel = Channel.Portal);

/// <summary>A request as a form gives it: its kind and its rows, each a column of SPEC §2 to its value.</summary>
/// <param name="Kind">LSR (one row per TN) or CSR (one row).</param>
/// <param name="Name">What the request file is called before its kind's suffix (e.g. the PON); made plain by the gateway.</param>
/// <param name="Rows">The rows of the request file.</param>
public sealed record RequestForm(RequestKind Kind, string Name, IReadOnlyList<IReadOnlyDictionary<Field, string>> Rows);

/// <summary>The two kinds of request file (SPEC §2).</summary>
public enum RequestKind
{
    Lsr,
    Csr,
}

/// <summary>A file as uploaded or downloaded: its name and bytes.</summary>
public sealed record UploadedFile(string Name, byte[] Content);

/// <summary>The last version of an LSR order, as a supplement form starts from it.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Fields">Request-level columns (not TN) of the last version; columns the gateway did not keep are absent.</param>
/// <param name="Tns">The order's TNs with LNA P, as the last version ported them.</param>
/// <param name="State">The order's state, for the page to show.</param>
public sealed record LsrDraft(long OrderId, IReadOnlyDictionary<Field, string> Fields, IReadOnlyList<string> Tns, OrderState State);

/// <summary>What the rules call a port for an account, before it is submitted.</summary>
public enum PortClassification
{
    /// <summary>No such account: the rules will reject the request.</summary>
    UnknownAccount,

    /// <summary>A simple port (47 CFR §52.36): only the standard data set, 1 business day.</summary>
    Simple,

    /// <summary>A non-simple port: D/TSENT, AUTHNM, DATED too, and the longer interval.</summary>
    NonSimple,
}
