/* global document, fetch, window */
// Demo stand-in for the Crisp chat client (written for Empreinte, not Crisp's code).
// Fetches the website's chat settings, then draws the chat bubble.
(function () {
  var websiteId = window.CRISP_WEBSITE_ID;
  if (!websiteId) return;
  fetch('https://client.crisp.chat/settings/website/' + websiteId)
    .then(function (r) { return r.json(); })
    .then(function (settings) {
      var box = document.createElement('div');
      box.className = 'crisp-client';
      box.setAttribute('data-website', websiteId);
      var bubble = document.createElement('button');
      bubble.className = 'cc-bubble';
      bubble.setAttribute('aria-label', settings.welcome);
      bubble.textContent = '💬';
      box.appendChild(bubble);
      document.body.appendChild(box);
      (window.$crisp || []).forEach(function () {});
      window.$crisp = { push: function () {}, is: function () { return false; } };
    })
    .catch(function () {});
})();
