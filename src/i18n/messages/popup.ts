import type { MessageArea } from '../index';

export const popup: MessageArea = {
  fr: {},
  en: {},
};
