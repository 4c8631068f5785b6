namespace Portal.Data.Entities;

/// <summary>One key of ASP.NET's data-protection key ring (its XML element as the framework wrote it), shared by every node.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    /// <summary>The framework's name for the element ("key-{guid}"), unique: a key imported from a file is not stored twice.</summary>
    public required string FriendlyName { get; set; }

    public required string Xml { get; set; }
}
