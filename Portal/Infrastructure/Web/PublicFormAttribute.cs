using Microsoft.AspNetCore.Http.Metadata;

namespace Portal.Infrastructure.Web;

/// <summary>
/// Marks a public page whose form end users post without an account. <see cref="PublicForms"/> then refuses a body
/// over <see cref="MaxBodyBytes"/> with 413, and a post without a valid antiforgery token with 400, each with a page
/// a person can understand. The limit is also the server's per-request limit (IRequestSizeLimitMetadata).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicFormAttribute(long maxBodyBytes) : Attribute, IRequestSizeLimitMetadata
{
    public long MaxBodyBytes { get; } = maxBodyBytes;

    long? IRequestSizeLimitMetadata.MaxRequestBodySize => MaxBodyBytes;
}
