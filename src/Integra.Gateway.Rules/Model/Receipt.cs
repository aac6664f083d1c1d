using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Rules.Model;

/// <summary>Who sent a request, how, and when the gateway first saw it (SPEC §1: never the partner's own timestamps).</summary>
public sealed record Receipt(Partner Partner, Channel Channel, Instant Received);
