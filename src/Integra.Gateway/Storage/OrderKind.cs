namespace Integra.Gateway.Storage;

/// <summary>
/// What an order asks for (orders.kind): a port (LSR) or a customer service record (CSR). Its own number space: an LSR
/// and a CSR may share a CCNA and PON. Stored as <see cref="StoredText"/>'s text, which logs and metrics also use.
/// </summary>
public enum OrderKind
{
    /// <summary>A local service request: port TNs to the new provider.</summary>
    Lsr,

    /// <summary>A customer service record request: read an account's TNs.</summary>
    Csr,
}
