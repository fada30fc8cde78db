using OctoLite.Server.Certificates;

namespace OctoLite.Server.Api;

/// <summary>
/// <c>/api/certificates</c>: list, get, import (POST, the file as base64 in CertificateData) and delete, by id or
/// name. Responses never carry key material: Pem is always empty.
/// </summary>
internal static class CertificatesApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/certificates");

        group.MapGet("/", (CertificateService certificates, int? skip, int? take) =>
            ApiResults.Ok(Paging.Page("Certificate", certificates.List(), skip, take), Json.ResourceCollectionCertificate));

        group.MapGet("/all", (CertificateService certificates) => TypedResults.Json(certificates.List(), Json.IReadOnlyListCertificate));

        group.MapGet("/{idOrName}", (CertificateService certificates, string idOrName) => ApiResults.Ok(certificates.Find(idOrName), Json.Certificate));

        group.MapPost("/", async (HttpContext context, CertificateService certificates, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            var request = body.IsSuccess ? JsonInput.Deserialize(body.Value, Json.CertificateImportRequest) : body.Problem;
            if (!request.IsSuccess)
            {
                return ApiResults.Problem(request.Problem);
            }

            byte[] data;
            try
            {
                data = Convert.FromBase64String(request.Value.CertificateData.Trim());
            }
            catch (FormatException)
            {
                return ApiResults.Problem(Problem.Invalid(CertificateReader.DataField, $"{CertificateReader.DataField} must be the certificate file's bytes as base64."));
            }

            var imported = certificates.Import(request.Value.Name, data, request.Value.Password, RequestActor.Get(context), request.Value.Replace);
            return ApiResults.Created(imported, Json.Certificate, c => $"/api/certificates/{c.Id}");
        });

        group.MapDelete("/{idOrName}", (HttpContext context, CertificateService certificates, string idOrName) =>
            ApiResults.Ok(certificates.Delete(idOrName, RequestActor.Get(context)), Json.Certificate));

        return group;
    }
}
