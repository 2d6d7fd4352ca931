/* global document, fetch, window */
// Demo stand-in for YouTube's embed player loader (written for Empreinte, not Google's code).
// Loads the player core, then logs the impression to youtubei/v1/log_event.
(function () {
  function start() {
    var cfg = window.ytcfg || {};
    var core = document.createElement('script');
    core.src = cfg.PLAYER_JS_URL;
    core.onload = function () {
      fetch('/youtubei/v1/log_event?alt=json', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ events: [{ eventTimeMs: Date.now(), playerImpression: { videoId: cfg.VIDEO_ID, hl: cfg.HL } }] }),
      }).catch(function () {});
    };
    document.head.appendChild(core);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
