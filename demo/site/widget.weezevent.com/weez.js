/* global document, window */
// Demo stand-in for the Weezevent ticketing widget (written for Empreinte, not Weezevent's code).
// Like the real one: replaces each "weezevent-widget-integration" link with
// an iframe of the ticket shop, and resizes it when the shop says so.
(function () {
  var links = document.querySelectorAll('a.weezevent-widget-integration');
  Array.prototype.forEach.call(links, function (link) {
    var frame = document.createElement('iframe');
    frame.src = link.getAttribute('data-src');
    frame.title = link.getAttribute('title') || 'Billetterie';
    frame.width = link.getAttribute('data-width') || '650';
    frame.height = link.getAttribute('data-height') || '600';
    frame.style.border = '0';
    frame.style.maxWidth = '100%';
    frame.setAttribute('allow', 'payment');
    frame.id = 'weezevent-widget-' + link.getAttribute('data-id');
    link.parentNode.replaceChild(frame, link);
  });
  window.addEventListener('message', function (event) {
    if (event.origin !== 'https://widget.weezevent.com' || !event.data || event.data.type !== 'weez-resize') return;
    var frame = document.getElementById('weezevent-widget-' + event.data.id);
    if (frame) frame.height = String(event.data.height);
  });
})();
