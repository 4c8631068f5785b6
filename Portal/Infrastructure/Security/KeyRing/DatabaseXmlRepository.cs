using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>
/// ASP.NET's data-protection key ring in the database (<c>DataProtectionKeys</c>), so a cookie or antiforgery token made
/// by one node is read by every other: a node meeting a key it has not loaded reloads the ring. The elements are stored
/// as the framework hands them over, so certificate encryption (<see cref="KeyRingOptions"/>) applies unchanged.
/// </summary>
public sealed class DatabaseXmlRepository(IDbContextFactory<PortalDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        Add(db, element, friendlyName);
    }

    /// <summary>Adds the element unless one of the same name is stored (a key file moved in twice).</summary>
    internal static void Add(PortalDbContext db, XElement element, string friendlyName)
    {
        if (db.DataProtectionKeys.Any(k => k.FriendlyName == friendlyName)) return;
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
