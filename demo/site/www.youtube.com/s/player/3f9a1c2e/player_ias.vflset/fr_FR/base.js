/* global document, window */
// Demo stand-in for the YouTube player core (written for Empreinte, not Google's code).
// The real base.js weighs about a megabyte; this one only wires the play button.
(function () {
  var player = document.querySelector('.html5-video-player');
  if (!player) return;
  var button = player.querySelector('.ytp-large-play-button');
  var state = { videoId: player.getAttribute('data-video-id'), playing: false, quality: 'auto' };
  var qualities = ['tiny', 'small', 'medium', 'large', 'hd720', 'hd1080', 'auto'];
  function pickQuality(width) {
    if (width < 300) return 'tiny';
    if (width < 480) return 'small';
    if (width < 720) return 'medium';
    if (width < 1280) return 'large';
    return 'hd720';
  }
  state.quality = pickQuality(player.clientWidth);
  if (button) {
    button.addEventListener('click', function () {
      state.playing = true;
      window.open('https://www.youtube.com/watch?v=' + state.videoId, '_blank');
    });
  }
  window.ytPlayerState = state;
  window.ytPlayerQualities = qualities;
})();
