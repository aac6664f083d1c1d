namespace Integra.Gateway.Bench.PortalLoad;

/// <summary>The requests a load user sends, in the order of one round; each has its own latency line.</summary>
internal enum RequestType
{
    /// <summary>GET /Partner/Submit/Lsr: the empty form with its anti-forgery token and form id.</summary>
    LsrForm,

    /// <summary>POST /Partner/Submit/Lsr: one new LSR decided by the rules and answered on the page.</summary>
    LsrSubmit,

    /// <summary>GET /Partner/Inbox: the partner's latest answers.</summary>
    Inbox,

    /// <summary>GET /Partner/Inbox/Answer?id=: the answer of the user's last submission.</summary>
    Answer,

    /// <summary>GET /Partner/Orders?Pon=: the partner's orders, filtered by the PON just submitted.</summary>
    Orders,

    /// <summary>GET /Partner/Orders/Detail?id=: that order's page (versions, answers, TNs, history).</summary>
    OrderDetail,
}
