namespace Integra.Gateway.Portal;

/// <summary>The portal's one style sheet, served from the app itself (no CDN, no build chain).</summary>
public static class PortalStyles
{
    public const string Css = """
        body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; margin: 0; color: #1d2733; background: #f6f7f9; }
        header { background: #0b3d62; color: #fff; padding: .6rem 1.5rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
        header a { color: #fff; text-decoration: none; white-space: nowrap; }
        header .brand { font-weight: bold; font-size: 1.15rem; margin-right: auto; }
        header form { margin: 0; }
        header button { background: none; border: 1px solid #fff; color: #fff; padding: .2rem .6rem; cursor: pointer; }
        main { max-width: 70rem; margin: 1.5rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 4px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
        h1 { font-size: 1.5rem; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        th, td { border-bottom: 1px solid #dde2e8; padding: .4rem .5rem; text-align: left; vertical-align: top; font-size: .92rem; }
        th { background: #eef2f6; }
        label { display: block; margin: .6rem 0 .2rem; font-weight: bold; }
        input[type=text], input[type=email], input[type=password], input[type=tel], select, textarea { width: 100%; max-width: 28rem; padding: .35rem; border: 1px solid #9aa7b4; border-radius: 3px; }
        button, .button { background: #0b6fb3; color: #fff; border: 0; padding: .45rem 1rem; border-radius: 3px; cursor: pointer; margin-top: .8rem; text-decoration: none; display: inline-block; }
        button.danger { background: #b3261e; }
        .notice { background: #fff4d6; border-left: 4px solid #e0a800; padding: .6rem 1rem; margin: 1rem 0; }
        .ok { background: #e3f5e6; border-left: 4px solid #2e8b3e; padding: .6rem 1rem; margin: 1rem 0; }
        .error, .field-validation-error, .validation-summary-errors { color: #b3261e; }
        .past-due { color: #b3261e; font-weight: bold; }
        .inline { display: inline; }
        .checks label { display: inline; font-weight: normal; margin-right: 1rem; }
        code, .mono { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: .85rem; }
        @media print { header, .no-print, button { display: none; } main { box-shadow: none; margin: 0; max-width: none; } body { background: #fff; } }
        /* Desk (issue 17): the review forms and the SLA board's server-drawn charts. */
        #reviews form { margin: 0 0 .4rem; }
        #reviews input[type=date] { padding: .3rem; border: 1px solid #9aa7b4; border-radius: 3px; }
        #reviews label { font-weight: normal; font-size: .85rem; }
        figure.chart { margin: 1.2rem 0; }
        figure.chart svg { max-width: 100%; height: auto; }
        /* Submission forms and inbox (issue 17, helper SUBMIT) */
        .form-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0 1.5rem; }
        .form-field input, .form-field textarea { max-width: none; }
        .hint { font-weight: normal; color: #5b6875; font-size: .85rem; }
        .field-error { display: block; font-size: .88rem; margin-top: .15rem; }
        #answer table { font-size: .85rem; }
        #answer .resp-rej td { color: #b3261e; }
        /* Tracking (issue 17): order filter, facts tables, nested answers. */
        .filter-fields { display: flex; flex-wrap: wrap; gap: 0 1rem; }
        .filter-fields input, .filter-fields select { max-width: 12rem; }
        table.facts th { width: 12rem; }
        table.answer-rows { margin: 0; font-size: .85rem; }
        table.answer-rows th { background: #f6f7f9; }
        /* Keyboard use (issue 26): every focused control shows it, on the dark header and on white alike; the skip link
           appears when the keyboard reaches it. */
        :focus-visible { outline: 3px solid #e0a800; outline-offset: 2px; }
        .skip { position: absolute; left: -100rem; top: .5rem; background: #fff; color: #0b3d62; padding: .4rem .8rem; }
        .skip:focus { left: 1rem; z-index: 10; }
        .state { font-size: 1rem; background: #eef2f6; padding: .15rem .5rem; border-radius: 3px; vertical-align: middle; }
        """;
}
