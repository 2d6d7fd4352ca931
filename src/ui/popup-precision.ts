import { html, nothing } from 'lit';
import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';

/**
 * How to get exact figures, under the popup's key figures: when part of the
 * weight is estimated, the DevTools panel measures it exactly; when the page
 * came from the cache, a reload bypassing it (or that panel) gives the full
 * figure.
 */
export function precisionHints(report: Report, lang: Lang) {
  const fromCache = report.notes.some((note) => note.key === 'note.document.fromCache');
  const partial = report.footprint.bytesMeasuredShare < 1;
  return html`${fromCache
    ? html`<p class="muted" data-test="cache-advice">${t(lang, 'popup.precision.fromCache')}</p>`
    : nothing}${partial || fromCache
    ? html`<p class="muted" data-test="precise-hint">${t(lang, 'popup.precision.devtools')}</p>`
    : nothing}`;
}
