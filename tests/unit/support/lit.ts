// Reading lit templates in unit tests without a DOM: what they render, and
// their static parts (page data must only ever be values, escaped by lit).
import { nothing, type TemplateResult } from 'lit';

/** The text a template renders, tags and attribute bindings included, with its values. */
export function text(value: unknown): string {
  if (value === null || value === undefined || value === nothing || value === false) return '';
  if (Array.isArray(value)) return value.map(text).join('');
  const template = value as TemplateResult;
  if (template && Array.isArray(template.strings)) {
    return template.strings.map((part, i) => part + (i < template.values.length ? text(template.values[i]) : '')).join('');
  }
  return String(value);
}

/** The words a template renders (tags dropped, white space folded). */
export const words = (value: unknown): string => text(value).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

/** Every static part of the templates: page data must never be found there. */
export function statics(value: unknown): string {
  if (Array.isArray(value)) return value.map(statics).join('');
  const template = value as TemplateResult;
  if (template && Array.isArray(template.strings)) return template.strings.join('') + template.values.map(statics).join('');
  return '';
}
