namespace Integra.Gateway.Storage;

/// <summary>Progress of one uploaded file through the gateway.</summary>
public enum IntakeState
{
    /// <summary>Taken for processing; no response written yet.</summary>
    Seen,

    /// <summary>Response written to the partner; original not yet moved.</summary>
    Answered,

    /// <summary>Original moved to archive or error: done.</summary>
    Archived,
}
