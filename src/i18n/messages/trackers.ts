import type { MessageArea } from '../index';

export const trackers: MessageArea = {
  fr: {},
  en: {},
};
