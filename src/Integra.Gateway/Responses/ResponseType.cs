namespace Integra.Gateway.Responses;

/// <summary>What a response row tells the partner (RESPTYP, SPEC §5); its cell is <see cref="ResponseCodes"/>'s, its stored text <c>Storage.StoredText</c>'s.</summary>
public enum ResponseType
{
    /// <summary>Firm order commitment: the port will happen on the due date (FOC).</summary>
    Foc,

    /// <summary>The request or the file is refused, with a code and the field to correct (REJ).</summary>
    Reject,

    /// <summary>The request waits for the desk's review of an expedite (PND).</summary>
    Pending,

    /// <summary>TNs of the order are canceled: by a supplement, by expiry or by closure (CAN).</summary>
    Cancel,

    /// <summary>A working TN of the account, in answer to a CSR request (CSR).</summary>
    Csr,
}
