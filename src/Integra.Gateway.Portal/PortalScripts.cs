namespace Integra.Gateway.Portal;

/// <summary>
/// The portal's one script, served from the app itself like <see cref="PortalStyles"/> (the CSP allows scripts from
/// the site only, never inline). It refreshes the SLA board for a wall screen: a meta refresh cannot be paused, which
/// WCAG 2.2.1 (timing adjustable) asks for and axe reports as critical, so the board's button pauses and resumes it.
/// </summary>
public static class PortalScripts
{
    public const string SlaRefresh = """
        (() => {
          const button = document.getElementById('refresh-toggle');
          if (!button) { return; }
          const seconds = Number(button.dataset.seconds) || 60;
          let timer = null;
          const start = () => { timer = setTimeout(() => location.reload(), seconds * 1000); };
          button.hidden = false;
          button.addEventListener('click', () => {
            if (timer === null) { start(); button.textContent = 'Pause refreshing'; }
            else { clearTimeout(timer); timer = null; button.textContent = 'Resume refreshing'; }
          });
          start();
        })();
        """;
}
