import type { MessageArea } from '../index';

/** Messages of the footprint analyses: RGESN checks, where the weight goes, comparisons. */
export const footprint: MessageArea = {
  fr: {},
  en: {},
};
