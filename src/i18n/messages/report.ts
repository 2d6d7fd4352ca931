import type { MessageArea } from '../index';

export const report: MessageArea = {
  fr: {},
  en: {},
};
