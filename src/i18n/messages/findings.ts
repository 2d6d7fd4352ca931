import type { MessageArea } from '../index';

export const findings: MessageArea = {
  fr: {},
  en: {},
};
