/* global document, window */
// Demo stand-in for Google Tag Manager (written for Empreinte, not Google's code).
// Like the real container it reads the dataLayer and loads the tags it holds:
// here one Google Analytics 4 tag, through gtag.js.
(function () {
  var dataLayer = (window.dataLayer = window.dataLayer || []);
  var container = { id: 'GTM-LUNE42', tags: [{ type: 'gaawc', measurementId: 'G-LUNE2026' }] };
  window.google_tag_manager = window.google_tag_manager || {};
  window.google_tag_manager[container.id] = { dataLayer: { get: function (k) { return dataLayer[k]; } } };
  container.tags.forEach(function (tag) {
    var script = document.createElement('script');
    script.async = true;
    script.src = 'https://www.googletagmanager.com/gtag/js?id=' + tag.measurementId + '&l=dataLayer&cx=c&gtm=45He5a10';
    document.head.appendChild(script);
  });
  dataLayer.push({ event: 'gtm.dom' });
})();
