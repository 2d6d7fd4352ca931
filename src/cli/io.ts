import type { Lang } from '../i18n/index';

/** What a command may touch of the outside world, so that tests can pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** working directory against which relative paths are resolved */
  cwd: string;
  lang: Lang;
  /** true when stdout is a terminal (colours and progress allowed) */
  isTTY: boolean;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;
