import { html, nothing, type TemplateResult } from 'lit';
import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import { aiWidgets, topEntities, topParents } from './popup-view';

/**
 * The popup's dependency sections, as render functions of a Report: the two
 * grades side by side, the parent companies that receive the visit, what runs
 * before any interaction, and the AI widgets. Each says "not evaluated" when
 * its field is null rather than showing an empty list.
 */

/** Dependency grade (A–E) beside the environment grade (A–G): each a large letter with the words of its scale. */
export function renderGrades(report: Report, lang: Lang): TemplateResult {
  const dependencies = report.scores.dependencies;
  const environment = report.scores.environment;
  return html`<section aria-labelledby="grades">
    <h2 id="grades">${t(lang, 'popup.grades.heading')}</h2>
    <div class="grades">
      <div class="grade-block" data-test="dependencies">
        <h3>${t(lang, 'popup.dependencies.heading')}</h3>
        ${dependencies
          ? html`<span class="grade dep-${dependencies.grade}" aria-hidden="true" data-test="dependency-grade"
                >${dependencies.grade}</span
              >
              <p><strong>${t(lang, 'popup.dependencies.grade', { grade: dependencies.grade })}</strong></p>
              <p class="muted">${t(lang, 'popup.dependencies.scale')}</p>
              <p>${t(lang, 'popup.dependencies.score', { score: Math.round(dependencies.score) })}</p>`
          : html`<p data-test="dependency-pending">${t(lang, 'popup.dependencies.pending')}</p>`}
      </div>
      <div class="grade-block" data-test="environment">
        <h3>${t(lang, 'popup.environment.heading')}</h3>
        ${environment
          ? html`<span class="grade grade-${environment.grade}" aria-hidden="true" data-test="grade"
                >${environment.grade}</span
              >
              <p><strong>${t(lang, 'popup.environment.label', { grade: environment.grade })}</strong></p>
              <p class="muted">${t(lang, 'grade.environment.scale')}</p>
              <p data-test="score">${t(lang, 'popup.environment.score', { score: environment.score })}</p>`
          : html`<p>${t(lang, 'popup.environment.pending')}</p>`}
      </div>
    </div>
  </section>`;
}

/** The parent companies with the largest share of third-party requests (the entities when not evaluated). */
export function renderParents(report: Report, lang: Lang): TemplateResult {
  const parents = topParents(report, 5);
  if (parents === null) {
    const entities = topEntities(report, 5);
    return html`<section aria-labelledby="entities">
      <h2 id="entities">${t(lang, 'popup.entities.heading')}</h2>
      <p class="muted">${t(lang, 'popup.parents.pending')}</p>
      ${entities.length === 0
        ? html`<p>${t(lang, 'popup.entities.none')}</p>`
        : html`<ol data-test="entities">
            ${entities.map(
              (entity) =>
                html`<li>
                  ${entity.known ? entity.name : t(lang, 'popup.entities.unknown', { domain: entity.name })}
                  <span class="muted">— ${t(lang, 'popup.entities.requests', { count: entity.requests })}</span>
                </li>`,
            )}
          </ol>`}
    </section>`;
  }
  return html`<section aria-labelledby="parents">
    <h2 id="parents">${t(lang, 'popup.parents.heading')}</h2>
    ${parents.length === 0
      ? html`<p data-test="parents-none">${t(lang, 'popup.parents.none')}</p>`
      : html`<ol data-test="parents">
          ${parents.map(
            (group) =>
              html`<li>
                <strong>${group.parent ?? t(lang, 'popup.parents.unknown', { domains: group.domains.join(', ') })}</strong>
                ${group.parent !== null && group.organisations.length > 0
                  ? html`<span>(${group.organisations.join(', ')})</span>`
                  : nothing}
                <span class="muted">— ${t(lang, 'popup.parents.share', { share: group.share })}</span>
              </li>`,
          )}
        </ol>`}
  </section>`;
}

/** How many trackers were active before any interaction, and whether consent was given on an earlier visit. */
export function renderConsent(report: Report, lang: Lang): TemplateResult {
  const consent = report.consent;
  if (consent === null) {
    return html`<section aria-labelledby="consent">
      <h2 id="consent">${t(lang, 'popup.consent.heading')}</h2>
      <p data-test="trackers-pending">${t(lang, 'popup.consent.pending')}</p>
    </section>`;
  }
  const count = consent.trackersBeforeInteraction;
  const key = count === 0 ? 'popup.consent.trackersNone' : count === 1 ? 'popup.consent.trackersOne' : 'popup.consent.trackers';
  return html`<section aria-labelledby="consent">
    <h2 id="consent">${t(lang, 'popup.consent.heading')}</h2>
    <p data-test="trackers-before" data-count=${count}><strong>${t(lang, key, { count })}</strong></p>
    ${consent.givenEarlier
      ? html`<p class="status" data-test="given-earlier">${t(lang, 'popup.consent.givenEarlier')}</p>`
      : nothing}
    ${consent.managers.length > 0
      ? html`<p data-test="consent-managers">
          ${t(lang, 'popup.consent.managers', { names: consent.managers.map((manager) => manager.name).join(', ') })}
        </p>`
      : nothing}
    <p class="muted">${t(lang, 'popup.consent.observation')}</p>
  </section>`;
}

/** The AI widgets found, each with its class in words. */
export function renderAi(report: Report, lang: Lang): TemplateResult {
  const widgets = aiWidgets(report);
  return html`<section aria-labelledby="ai">
    <h2 id="ai">${t(lang, 'popup.ai.heading')}</h2>
    ${widgets === null
      ? html`<p data-test="ai-pending">${t(lang, 'popup.ai.pending')}</p>`
      : widgets.length === 0
        ? html`<p data-test="ai-none">${t(lang, 'popup.ai.none')}</p>`
        : html`<ul data-test="ai-widgets">
            ${widgets.map(
              (widget) =>
                html`<li data-ai=${widget.ai}>
                  <strong>${widget.name}</strong> — ${t(lang, `popup.ai.class.${widget.ai}`)}
                </li>`,
            )}
          </ul>`}
  </section>`;
}
