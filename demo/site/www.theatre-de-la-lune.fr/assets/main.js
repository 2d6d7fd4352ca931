/* global document, window */
// Théâtre de la Lune: the menu button on small screens, and an analytics event on ticket clicks.
(function () {
  var button = document.querySelector('.menu-toggle');
  var menu = document.getElementById('menu');
  if (button && menu) {
    button.addEventListener('click', function () {
      var open = menu.classList.toggle('open');
      button.setAttribute('aria-expanded', String(open));
    });
  }
  var buy = document.querySelector('.hero .button');
  if (buy) {
    buy.addEventListener('click', function () {
      window.dataLayer = window.dataLayer || [];
      window.dataLayer.push({ event: 'clic_reserver' });
    });
  }
})();
