using System.Xml.Linq;
using Integra.Gateway.Portal.Accounts;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Integra.Gateway.Portal.Security;

/// <summary>
/// The data-protection key ring in the store, so that every instance behind a load balancer reads the anti-forgery
/// tokens and session cookies that another one wrote. The keys are as secret as the database itself: whoever can
/// read the store can read them (the same trust as the orders it holds).
/// </summary>
public sealed class StoreXmlRepository(IPortalStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.DataProtectionKeys().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.AddDataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
