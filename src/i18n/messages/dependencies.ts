import type { MessageArea } from '../index';

export const dependencies: MessageArea = {
  fr: {},
  en: {},
};
