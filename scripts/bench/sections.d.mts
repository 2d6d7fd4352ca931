/** Types of ./sections.mjs for the tests that import it. */
export declare const SECTION_ORDER: string[];
export declare function writeSection(file: string, name: string, lines: string[]): Promise<string>;
