import type { DomObservation } from '../core/capture';
import type { FrameObservation } from './probe';

/**
 * One observation for the page from the probe's results in every frame:
 * elements summed over the frames counted (EcoIndex counts frames too),
 * scripts, iframes, globals and markers merged, everything else from the top
 * document.
 */
export function mergeFrameObservations(main: FrameObservation, others: readonly FrameObservation[]): DomObservation {
  const merge = (lists: string[][], max: number) => [...new Set(lists.flat())].slice(0, max);
  const all = [main, ...others];
  return {
    elements: all.reduce((sum, frame) => sum + frame.elements, 0),
    framesCounted: all.length,
    title: main.title,
    iframes: merge(all.map((f) => f.iframes), 500),
    scripts: merge(all.map((f) => f.scripts), 2000),
    // a widget or a consent manager inside a frame is on the page too
    globals: merge(all.map((f) => f.globals), 500),
    markers: merge(all.map((f) => f.markers), 500),
    fonts: main.fonts,
    images: main.images,
    // sizes and faces of the top document only: a frame's images are the embed's to size
    imageDetails: main.imageDetails,
    devicePixelRatio: main.devicePixelRatio,
    fontFaces: main.fontFaces,
    autoplayMedia: main.autoplayMedia,
    structuredData: main.structuredData,
    telLinks: main.telLinks,
    contactData: main.contactData,
    text: main.text,
    cookieNames: main.cookieNames,
    storageKeys: main.storageKeys,
    firstInteractionAt: main.firstInteractionAt,
  };
}
