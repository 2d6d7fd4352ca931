/* global document */
// Demo stand-in for the Crisp chat loader (written for Empreinte, not Crisp's code).
(function () {
  var head = document.getElementsByTagName('head')[0];
  var style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = 'https://client.crisp.chat/static/stylesheets/client_default.css';
  head.appendChild(style);
  var client = document.createElement('script');
  client.src = 'https://client.crisp.chat/static/javascripts/client.js';
  client.async = true;
  head.appendChild(client);
})();
