using System.Xml.Linq;
using Integra.Gateway.Portal.Accounts;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Integra.Gateway.Portal.Security;

/// <summary>
/// The data-protection key ring in the store, so that every instance behind a load balancer reads the anti-forgery
/// tokens and session cookies that another one wrote. The keys are as secret as the database itself: whoever can
/// read the store can read them (the same trust as the orders it holds). Synchronous, because ASP.NET Core's
/// <see cref="IXmlRepository"/> is: the key ring manager calls it when it first needs the ring and again only when it
/// refreshes it (a key about to expire, or once a day), and caches the ring in between, so no page waits on it per
/// request. A transient database failure is still retried on a fresh connection (<see cref="IPortalStore.DataProtectionKeys"/>).
/// </summary>
public sealed class StoreXmlRepository(IPortalStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.DataProtectionKeys().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.AddDataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
