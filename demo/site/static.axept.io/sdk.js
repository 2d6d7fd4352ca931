/* global document, fetch, location, window */
// Demo stand-in for the Axeptio consent SDK (written for Empreinte, not Axeptio's code).
// Like the real one: reads window.axeptioSettings, fetches the project's
// configuration from client.axept.io, shows the consent widget (unless a
// choice is already stored in the axeptio_cookies cookie), stores the
// visitor's choice in the axeptio_* cookies and calls the site's _axcb
// callbacks.
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
  function save(accepted, vendors) {
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
    document.body.appendChild(overlay);
    overlay.querySelector('#axeptio_btn_acceptAll').addEventListener('click', function () { save(true, vendors); });
    overlay.querySelector('#axeptio_btn_dismiss').addEventListener('click', function () { save(false, vendors); });
  }
  fetch('https://client.axept.io/' + settings.clientId + '.json')
    .then(function (response) { return response.json(); })
    .then(function (config) {
      if (!sdk.choices) render(config);
      callbacks.forEach(function (callback) { try { callback(sdk); } catch { /* a site’s callback must not stop the SDK */ } });
    })
    .catch(function () {});
})();
