/* global document, fetch, parent */
// Demo stand-in for the Weezevent shop script (written for Empreinte).
// Tells the host page its height, fetches the live availability of seats.
(function () {
  var shop = document.querySelector('.shop');
  var id = shop ? shop.getAttribute('data-id') : null;
  function resize() {
    parent.postMessage({ type: 'weez-resize', id: id, height: document.documentElement.scrollHeight }, '*');
  }
  fetch('/ticket/api/availability.json?event=' + id, { credentials: 'include' })
    .then(function (r) { return r.json(); })
    .then(function (data) { if (shop) shop.setAttribute('data-remaining', String(data.remaining)); resize(); })
    .catch(resize);
})();
