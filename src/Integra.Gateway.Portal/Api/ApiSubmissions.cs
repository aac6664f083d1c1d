using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Rules.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// The submissions of SPEC §8: an LSR or a CSR as JSON (the CSR's LOA inline or as a multipart part) and a request
/// file as is. Each becomes one request file on channel <c>api</c> through the portal's intake, the same pipeline as
/// every channel, received when the gateway accepted it; the answer (REJ rows included) is the response body.
/// </summary>
public static class ApiSubmissions
{
    public static RouteGroupBuilder MapSubmissions(this RouteGroupBuilder api)
    {
        api.MapPost("/lsr", SubmitLsrAsync)
            .WithName("SubmitLsr")
            .WithSummary("Submit an LSR (SPEC §2.1 columns, one TN per row)")
            .Accepts<LsrSubmission>("application/json")
            .Produces<SubmissionAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/csr", SubmitCsrAsync)
            .WithName("SubmitCsr")
            .WithSummary("Submit a CSR request (SPEC §2.2) with the LOA inline as base64")
            .Accepts<CsrSubmission>("application/json")
            .Produces<SubmissionAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/csr/multipart", SubmitCsrPartsAsync)
            .WithName("SubmitCsrMultipart")
            .WithSummary("Submit a CSR request (SPEC §2.2) as form fields with the LOA as the part 'loa'")
            .DisableAntiforgery()
            .Produces<SubmissionAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/files", UploadAsync)
            .WithName("UploadRequestFile")
            .WithSummary("Upload a request file (*.lsr.csv or *.csr.csv) as it is")
            .Accepts<Stream>("text/csv", "application/octet-stream")
            .Produces<SubmissionAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> SubmitLsrAsync(HttpContext http, IPortalIntake intake, ApiIdempotency idempotency, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(http.User)!;
        if (!caller.May(Privileges.Lsr))
        {
            return TypedResults.Problem(ApiProblems.Forbidden("Submitting an LSR needs the LSR privilege."));
        }

        var (lsr, problem) = await ApiBody.ReadJsonAsync<LsrSubmission>(http, intake.MaxUploadBytes, cancellationToken);
        if (problem is not null)
        {
            return TypedResults.Problem(problem);
        }

        var fields = ApiForms.Lsr(lsr!);
        var tns = (lsr!.Tns ?? []).Select(t => t?.Trim() ?? string.Empty).Where(t => t.Length > 0).ToList();
        var missing = new Dictionary<string, string[]>();
        if (fields[Field.Pon].Length == 0)
        {
            missing["pon"] = ["Give the purchase order number (pon): the request and its answers are filed under it."];
        }

        if (tns.Count == 0 && fields[Field.Sup].Length == 0)
        {
            missing["tns"] = ["Give at least one telephone number to port in tns."];
        }

        if (missing.Count > 0)
        {
            return TypedResults.Problem(ApiProblems.MissingFields(missing));
        }

        var rows = (tns.Count == 0 ? [string.Empty] : tns)
            .Select(tn => (IReadOnlyDictionary<Field, string>)new Dictionary<Field, string>(fields) { [Field.Tn] = tn })
            .ToList();
        var form = new RequestForm(RequestKind.Lsr, fields[Field.Pon], rows);
        return await idempotency.RunAsync(http, caller, ApiIdempotency.Hash("lsr", form, null), formId =>
            intake.SubmitFormAsync(new PortalSubmission(caller.Partner, caller.Actor, formId, null, Channel.Api), form, cancellationToken));
    }

    private static async Task<IResult> SubmitCsrAsync(HttpContext http, IPortalIntake intake, ApiIdempotency idempotency, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(http.User)!;
        if (!caller.May(Privileges.Csr))
        {
            return TypedResults.Problem(ApiProblems.Forbidden("Submitting a CSR request needs the CSR privilege."));
        }

        var (csr, problem) = await ApiBody.ReadJsonAsync<CsrSubmission>(http, intake.MaxUploadBytes, cancellationToken);
        if (problem is not null)
        {
            return TypedResults.Problem(problem);
        }

        var loa = csr!.Loa is { } l ? new UploadedFile(Path.GetFileName(l.FileName.Replace('\\', '/')), l.Content) : null;
        return await SubmitCsrFormAsync(http, intake, idempotency, caller, ApiForms.Csr(csr), loa, cancellationToken);
    }

    private static async Task<IResult> SubmitCsrPartsAsync(HttpContext http, [FromForm] CsrSubmissionForm csr, IFormFile? loa, IPortalIntake intake, ApiIdempotency idempotency, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(http.User)!;
        if (!caller.May(Privileges.Csr))
        {
            return TypedResults.Problem(ApiProblems.Forbidden("Submitting a CSR request needs the CSR privilege."));
        }

        UploadedFile? document = null;
        if (loa is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await loa.CopyToAsync(buffer, cancellationToken);
            document = new UploadedFile(Path.GetFileName(loa.FileName.Replace('\\', '/')), buffer.ToArray());
        }

        return await SubmitCsrFormAsync(http, intake, idempotency, caller, ApiForms.Csr(csr.AsSubmission()), document, cancellationToken);
    }

    private static async Task<IResult> SubmitCsrFormAsync(HttpContext http, IPortalIntake intake, ApiIdempotency idempotency, ApiCaller caller, Dictionary<Field, string> fields, UploadedFile? loa, CancellationToken cancellationToken)
    {
        if (fields[Field.Pon].Length == 0)
        {
            return TypedResults.Problem(ApiProblems.MissingFields(new Dictionary<string, string[]> { ["pon"] = ["Give the purchase order number (pon): the request and its answer are filed under it."] }));
        }

        fields[Field.Loa] = loa?.Name ?? string.Empty;
        var form = new RequestForm(RequestKind.Csr, fields[Field.Pon], [fields]);
        return await idempotency.RunAsync(http, caller, ApiIdempotency.Hash("csr", form, loa), formId =>
            intake.SubmitFormAsync(new PortalSubmission(caller.Partner, caller.Actor, formId, loa, Channel.Api), form, cancellationToken));
    }

    private static async Task<IResult> UploadAsync(HttpContext http, [FromQuery] string name, IPortalIntake intake, ApiIdempotency idempotency, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(http.User)!;
        var needed = name.EndsWith(".csr.csv", StringComparison.OrdinalIgnoreCase) ? Privileges.Csr
            : name.EndsWith(".lsr.csv", StringComparison.OrdinalIgnoreCase) ? Privileges.Lsr
            : Privileges.None;
        if (needed == Privileges.None ? !caller.May(Privileges.Lsr) && !caller.May(Privileges.Csr) : !caller.May(needed))
        {
            return TypedResults.Problem(ApiProblems.Forbidden($"Uploading {(needed == Privileges.Csr ? "a CSR request file needs the CSR" : needed == Privileges.Lsr ? "an LSR file needs the LSR" : "a request file needs the LSR or CSR")} privilege."));
        }

        var (bytes, problem) = await ApiBody.ReadAsync(http, intake.MaxUploadBytes, cancellationToken);
        if (problem is not null)
        {
            return TypedResults.Problem(problem);
        }

        // The name is the partner's own (F03 for a kind the gateway does not know), made plain by the intake.
        var file = new UploadedFile(Path.GetFileName(name.Replace('\\', '/')), bytes!);
        return await idempotency.RunAsync(http, caller, ApiIdempotency.Hash("file", file), formId =>
            intake.SubmitFileAsync(new PortalSubmission(caller.Partner, caller.Actor, formId, null, Channel.Api), file, cancellationToken));
    }
}
