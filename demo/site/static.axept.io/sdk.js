/* global document, fetch, location, window */
// Demo stand-in for the Axeptio consent SDK (written for Empreinte, not Axeptio's code).
// Like the real one: reads window.axeptioSettings, fetches the project's
// configuration from client.axept.io, shows the consent widget (unless a
// choice is already stored in the axeptio_cookies cookie), stores the
// visitor's choice in the axeptio_* cookies and calls the site's _axcb
// callbacks. Its markup uses the real widget's class names and button ids
// (.axeptio_mount > .axeptio_widget, #axeptio_btn_dismiss,
// #axeptio_btn_acceptAll) so that consent tools such as DuckDuckGo's
// autoconsent recognise it. On acceptance it loads the tags the project's
// configuration lists (`tags`), as Axeptio's script-loading integrations do;
// on refusal it loads none.
(function () {
  var settings = window.axeptioSettings || {};
  var callbacks = window._axcb || [];
  var stored = document.cookie.match(/(?:^|; )axeptio_cookies=([^;]*)/);
  var sdk = {
    choices: stored ? JSON.parse(decodeURIComponent(stored[1])) : null,
    on: function (name, callback) { if (name === 'cookies:complete' && sdk.choices) callback(sdk.choices); },
    openCookies: function () { render(); },
  };
  window.axeptioSDK = sdk;
  window.openAxeptioCookies = function () { sdk.openCookies(); };
  // The mount exists as soon as the SDK runs, popup or not (a stored choice shows none).
  var mount = document.createElement('div');
  mount.className = 'axeptio_mount';
  if (document.body) document.body.appendChild(mount);
  else document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(mount); });
  function loadTags(config) {
    ((config && config.tags) || []).forEach(function (tag) {
      var script = document.createElement('script');
      script.async = true;
      script.src = tag.src;
      document.head.appendChild(script);
    });
  }
  function save(accepted, vendors, config) {
    var choices = { $$token: Math.random().toString(36).slice(2), $$date: new Date().toISOString(), $$completed: true };
    vendors.forEach(function (vendor) { choices[vendor] = accepted; });
    var domain = location.hostname.replace(/^www\./, '');
    var common = '; domain=.' + domain + '; path=/; max-age=15552000; SameSite=Lax';
    document.cookie = 'axeptio_cookies=' + encodeURIComponent(JSON.stringify(choices)) + common;
    document.cookie = 'axeptio_authorized_vendors=' + encodeURIComponent(accepted ? ',' + vendors.join(',') + ',' : ',') + common;
    document.cookie = 'axeptio_all_vendors=' + encodeURIComponent(',' + vendors.join(',') + ',') + common;
    sdk.choices = choices;
    var widget = document.getElementById('axeptio_overlay');
    if (widget) widget.remove();
    if (accepted) loadTags(config);
  }
  function render(config) {
    var vendors = (config && config.vendors) || [];
    var overlay = document.createElement('div');
    overlay.id = 'axeptio_overlay';
    overlay.className = 'axeptio_widget';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', 'Gestion des cookies');
    overlay.setAttribute('style', 'position:fixed;left:1rem;bottom:1rem;max-width:22rem;padding:1rem;background:#fff;color:#222;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.2);font:14px/1.4 system-ui,sans-serif;z-index:2147483000');
    overlay.innerHTML =
      '<p><strong>' + ((config && config.title) || 'Cookies') + '</strong></p>' +
      '<p>' + ((config && config.text) || '') + '</p>' +
      '<button type="button" id="axeptio_btn_dismiss">Non merci</button> ' +
      '<button type="button" id="axeptio_btn_acceptAll">OK pour moi</button>';
    mount.appendChild(overlay);
    overlay.querySelector('#axeptio_btn_acceptAll').addEventListener('click', function () { save(true, vendors, config); });
    overlay.querySelector('#axeptio_btn_dismiss').addEventListener('click', function () { save(false, vendors, config); });
  }
  fetch('https://client.axept.io/' + settings.clientId + '.json')
    .then(function (response) { return response.json(); })
    .then(function (config) {
      if (!sdk.choices) render(config);
      else if (Object.keys(sdk.choices).some(function (key) { return key.charAt(0) !== '$' && sdk.choices[key] === true; })) loadTags(config);
      callbacks.forEach(function (callback) { try { callback(sdk); } catch { /* a site’s callback must not stop the SDK */ } });
    })
    .catch(function () {});
})();
