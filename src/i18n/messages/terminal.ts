import type { MessageArea } from '../index';

export const terminal: MessageArea = {
  fr: {},
  en: {},
};
