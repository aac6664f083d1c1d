using System.Net;
using System.Text.RegularExpressions;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The harness's part for submissions (issue 17): signed-in partner clients, forms with their form id, the store's orders.</summary>
internal sealed partial class PortalHarness
{
    /// <summary>The gateway's portal intake (the crash tests stop it at a step).</summary>
    public PortalIntake Intake => Gateway.Services.GetRequiredService<PortalIntake>();

    /// <summary>A new store connection on the harness's database, to read what the gateway recorded.</summary>
    public IUnitOfWork OpenOrders() => Gateway.Services.GetRequiredService<UnitOfWorkFactory>().Open();

    /// <summary>A partner user with these privileges, signed in on a client of its own.</summary>
    public async Task<HttpClient> PartnerClientAsync(string email, string partner, Privileges privileges, CookieContainer? cookies = null)
    {
        const string password = "correct horse battery";
        await AddUserAsync(email, PortalRoles.PartnerUser, partner, password, privileges);
        var client = Client(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, email, password)).StatusCode);
        return client;
    }

    /// <summary>The anti-forgery token and the form id of the form at <paramref name="path"/>, as a browser has them after its GET.</summary>
    public static async Task<RenderedForm> FormAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var token = TokenField().Match(page);
        var formId = FormIdField().Match(page);
        Assert.True(token.Success && formId.Success, $"no anti-forgery token or form id on {path}");
        return new RenderedForm(WebUtility.HtmlDecode(token.Groups[1].Value), formId.Groups[1].Value);
    }

    /// <summary>Posts <paramref name="fields"/> as the form <paramref name="form"/> (its token and form id), as a browser's submit does.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, RenderedForm form, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Name, string FileName, byte[] Content)>? files = null)
    {
        var all = fields.Append(new("__RequestVerificationToken", form.Token)).Append(new("FormId", form.FormId)).ToList();
        if (files is null)
        {
            using var content = new FormUrlEncodedContent(all);
            return await client.PostAsync(path, content);
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in all)
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, bytes) in files)
        {
            multipart.Add(new ByteArrayContent(bytes), name, fileName);
        }

        return await client.PostAsync(path, multipart);
    }

    [GeneratedRegex("name=\"FormId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdField();
}

/// <summary>A form as rendered: what a post of it carries back.</summary>
internal sealed record RenderedForm(string Token, string FormId);
