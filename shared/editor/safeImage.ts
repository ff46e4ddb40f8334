/**
 * The editor's Image extension, refusing image addresses that are not web or inline raster
 * images (`safeImageSrc`). The check sits in the attribute's parse and render hooks, so it
 * covers pasted HTML and, through `renderHTML`, images that arrive through the shared Yjs
 * document from another client (y-prosemirror builds those nodes without parsing HTML).
 * An image with a refused address renders as an `<img>` without `src`: nothing is fetched
 * or run, and the node stays in the document so nobody's edit is silently rewritten.
 */
import Image from '@tiptap/extension-image';
import { safeImageSrc } from './imageSrc';

/** Tiptap's Image with `src` checked on the way in and on the way out. */
export const SafeImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      src: {
        default: null,
        parseHTML: (element: HTMLElement) => safeImageSrc(element.getAttribute('src')),
        renderHTML: (attributes: Record<string, unknown>) => {
          const src = safeImageSrc(attributes.src);
          return src ? { src } : {};
        },
      },
    };
  },
});
