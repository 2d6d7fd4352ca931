/* global Image, document, location, screen, window */
// Demo stand-in for the Meta Pixel (written for Empreinte, not Meta's code).
// Like the real one: replays the fbq queue, loads the pixel's configuration,
// sets the _fbp cookie and reports each event to www.facebook.com/tr.
(function () {
  var fbq = window.fbq;
  if (!fbq) return;
  var pixels = [];
  var domain = location.hostname.replace(/^www\./, '');
  if (!/(?:^|; )_fbp=/.test(document.cookie)) {
    document.cookie = '_fbp=fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e9) + '; domain=.' + domain + '; path=/; max-age=7776000; SameSite=Lax';
  }
  function send(pixelId, event) {
    var query = ['id=' + pixelId, 'ev=' + encodeURIComponent(event), 'dl=' + encodeURIComponent(location.href), 'rl=' + encodeURIComponent(document.referrer), 'if=false', 'ts=' + Date.now(), 'sw=' + screen.width, 'sh=' + screen.height, 'v=2.9.180', 'r=stable'];
    new Image().src = 'https://www.facebook.com/tr?' + query.join('&');
  }
  function run(args) {
    var command = args[0];
    if (command === 'init') {
      pixels.push(args[1]);
      var config = document.createElement('script');
      config.async = true;
      config.src = 'https://connect.facebook.net/signals/config/' + args[1] + '?v=2.9.180&r=stable&domain=' + encodeURIComponent(location.hostname);
      document.head.appendChild(config);
    } else if (command === 'track' || command === 'trackCustom') {
      pixels.forEach(function (id) { send(id, args[1]); });
    }
  }
  var queue = fbq.queue || [];
  fbq.callMethod = function () { run(arguments); };
  for (var i = 0; i < queue.length; i++) run(queue[i]);
  fbq.queue = [];
})();
