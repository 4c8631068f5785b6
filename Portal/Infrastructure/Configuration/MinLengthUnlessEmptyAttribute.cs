using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Configuration;

/// <summary>An optional setting: empty means "not set"; when set it must be at least this long.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinLengthUnlessEmptyAttribute(int length) : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || text.Length == 0 || text.Length >= length;
}
