using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Intake;

/// <summary>The result of reading one request file: its requests, or one file-level reject (F01–F05).</summary>
public abstract record ParsedFile;

/// <summary>A file-level reject: one REJ row with PON blank.</summary>
public sealed record FileRejection(string Code, string Field, string Message) : ParsedFile;

/// <summary>The LSRs of a file, in order of first appearance.</summary>
public sealed record LsrFile(IReadOnlyList<LsrRequest> Requests, int Rows) : ParsedFile;

/// <summary>The CSR requests of a file, one per row.</summary>
public sealed record CsrFile(IReadOnlyList<CsrRequest> Requests) : ParsedFile;
