/* global window */
// Demo stand-in for DoubleClick's ad status check (written for Empreinte).
window.google_ad_status = 1;
