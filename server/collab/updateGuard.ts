/**
 * Checks on a decoded Yjs update before it touches a live document: which top-level shared
 * types it writes into, and whether it can grow the document at all. Pure reads of the update
 * and of the document's struct store; nothing is applied here.
 *
 * Why top-level types matter: the editor only shows the `default` fragment, so content written
 * anywhere else (`ydoc.getText('junk')`) is invisible and cannot be deleted from the editor,
 * yet counts toward the document's size cap. An editor could fill a document to its cap that
 * way and lock everyone out.
 */
import * as Y from 'yjs';
import { CLOSE_REASONS } from '../../shared/closeCodes';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { ProtocolError } from './protocol';

/** An update as `Y.decodeUpdate` returns it (decoded once, checked here, applied later). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Thrown for an update that writes into a top-level type the editor does not use (→ 4400). */
export class ForeignRootTypeError extends ProtocolError {
  constructor(readonly rootNames: string[]) {
    super(`${CLOSE_REASONS.unknownSharedType}: ${rootNames.slice(0, 3).join(', ').slice(0, 60)}`);
  }
}

/** Name used for structs whose parent chain loops back on itself (never a real type name). */
const INVALID_ROOT = '<invalid parent chain>';

/**
 * Throws `ForeignRootTypeError` when any struct of the update would land in a top-level type
 * not in `allowedRoots`. Call it with the document built (it resolves references into it).
 */
export function assertAllowedRootTypes(input: {
  decoded: DecodedUpdate;
  doc: Y.Doc;
  allowedRoots: ReadonlySet<string>;
}): void {
  const foreign = findForeignRootTypes(input);
  if (foreign.length > 0) throw new ForeignRootTypeError(foreign);
}

/**
 * The top-level type names outside `allowedRoots` that the update's structs would write into.
 *
 * Each decoded item names where it goes in one of three ways: a top-level name (string
 * `parent`), the id of the item holding its parent type (`parent` is an ID: nested types), or
 * nothing, when it has a left or right neighbour (`origin`/`rightOrigin`) whose parent it
 * takes. References are followed inside the update first, then into the document. A
 * reference to something neither has yet (the update will wait as pending) or to a
 * garbage-collected struct (Yjs then drops the item) adds no type: the missing struct passes
 * this same check when it arrives, and the waiting item inherits its place. Deletions carry no
 * structs, so they never count.
 */
export function findForeignRootTypes(input: {
  decoded: DecodedUpdate;
  doc: Y.Doc;
  allowedRoots: ReadonlySet<string>;
}): string[] {
  const items = input.decoded.structs.filter(
    (struct): struct is Y.Item => struct instanceof Y.Item,
  );
  // Stryker disable next-line ConditionalExpression: equivalent, a fast path: with no items the loop below returns [] too
  if (items.length === 0) return [];
  const inUpdate = indexByClient(items);
  /** Root name per update item, or null when it does not resolve to any (see above). */
  const rootOf = new Map<Y.Item, string | null>();

  const resolve = (start: Y.Item): string | null => {
    // Stryker disable next-line ArrayDeclaration: equivalent, one extra entry only makes the loop bound below trip one step early, still only on a loop
    const chain: Y.Item[] = [];
    let current: Y.Item = start;
    let root: string | null = null;
    for (;;) {
      const known = rootOf.get(current);
      if (known !== undefined) {
        root = known;
        break;
      }
      // A chain longer than the update has items went round in a loop.
      // Stryker disable next-line EqualityOperator: equivalent, a chain of all the items that still goes on can only continue into one of them again
      if (chain.length > items.length) {
        root = INVALID_ROOT;
        break;
      }
      chain.push(current);
      // Decoded (not yet integrated) items hold a root name, an ID or null here.
      const parent: unknown = current.parent;
      if (typeof parent === 'string') {
        root = parent;
        break;
      }
      const ref = parent instanceof Y.ID ? parent : (current.origin ?? current.rightOrigin);
      if (!ref) break;
      const next = findStruct(inUpdate, ref);
      if (next) {
        current = next;
        continue;
      }
      root = rootOfDocStruct(input.doc, ref);
      break;
    }
    // Memoised for the whole chain, so a long run of typed characters resolves in linear time.
    for (const item of chain) rootOf.set(item, root);
    return root;
  };

  const foreign = new Set<string>();
  for (const item of items) {
    const root = resolve(item);
    if (root !== null && !input.allowedRoots.has(root)) foreign.add(root);
  }
  return [...foreign];
}

/**
 * Whether the update can only make the document smaller: it carries no structs, only a delete
 * set (deleting text, removing a paragraph). Such updates are accepted even at the size cap,
 * so people can always make room.
 */
export function isDeletionOnly(decoded: DecodedUpdate): boolean {
  return decoded.structs.length === 0;
}

/**
 * Whether every struct of the update is a formatting mark (bold, link, comment anchor): it
 * adds a few bytes per mark and no text. Such updates may use a small grace above the cap, so
 * formatting keeps working in a full document.
 */
export function isFormattingOnly(decoded: DecodedUpdate): boolean {
  return decoded.structs.every(
    (struct) => !(struct instanceof Y.Item) || struct.content instanceof Y.ContentFormat,
  );
}

/** Items of the update per client, sorted by clock, for lookups by ID. */
function indexByClient(items: Y.Item[]): Map<number, Y.Item[]> {
  const byClient = new Map<number, Y.Item[]>();
  for (const item of items) {
    const list = byClient.get(item.id.client);
    if (list) list.push(item);
    else byClient.set(item.id.client, [item]);
  }
  // Decoded updates list each client's structs in clock order already, and sorting a sorted
  // list is one linear pass (TimSort); a forged update may list them in any order.
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

/** The update's item covering `id` (binary search), if the update has it. */
function findStruct(byClient: Map<number, Y.Item[]>, id: Y.ID): Y.Item | null {
  const list = byClient.get(id.client);
  if (!list) return null;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = list[middle]!;
    if (id.clock < item.id.clock) high = middle - 1;
    else if (id.clock >= item.id.clock + item.length) low = middle + 1;
    else return item;
  }
  return null;
}

/**
 * The top-level type name of the document struct covering `id`, or null when the document
 * does not have that struct yet or it was garbage-collected.
 */
function rootOfDocStruct(doc: Y.Doc, id: Y.ID): string | null {
  const structs = doc.store.clients.get(id.client) ?? [];
  const last = structs.at(-1);
  if (!last || id.clock >= last.id.clock + last.length) return null;
  const struct = structs[Y.findIndexSS(structs, id.clock)];
  // Stryker disable next-line ConditionalExpression: equivalent, a GC struct has no parent, so the walk below ends in `return null` too
  if (!(struct instanceof Y.Item)) return null;
  let type: unknown = struct.parent;
  while (type instanceof Y.AbstractType && type._item) type = type._item.parent;
  // Stryker disable next-line ConditionalExpression: equivalent, an integrated item's parent is always a type, so the walk ends at one; the check narrows `unknown` for TS
  if (!(type instanceof Y.AbstractType)) return null;
  try {
    // Stryker disable BlockStatement: equivalent, the `catch` below is unreachable today: the walk ends at a top-level type, and each one is in doc.share
    return Y.findRootTypeKey(type);
  } catch {
    return null; // a type detached from the document: Yjs cannot integrate into it either
  }
}

// Stryker restore BlockStatement

/**
 * The top-level type names outside `allowedRoots` whose content the update's delete set
 * removes (structs of the document it names; ranges the document does not have are skipped).
 * With `findForeignRootTypes`, tells whether an update stays inside the editor's fragment.
 */
export function findForeignDeletedRootTypes(input: {
  decoded: DecodedUpdate;
  doc: Y.Doc;
  allowedRoots: ReadonlySet<string>;
}): string[] {
  const foreign = new Set<string>();
  for (const [client, ranges] of input.decoded.ds.clients) {
    const structs = input.doc.store.clients.get(client);
    if (!structs || structs.length === 0) continue;
    const last = structs[structs.length - 1]!;
    const end = last.id.clock + last.length;
    for (const range of ranges) {
      let clock = range.clock;
      while (clock < range.clock + range.len && clock < end) {
        const struct = structs[Y.findIndexSS(structs, clock)]!;
        const root = rootOfDocStruct(input.doc, struct.id);
        if (root !== null && !input.allowedRoots.has(root)) foreign.add(root);
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return [...foreign];
}

/** The one root a suggest-only update may touch (the guard compares only the editor's content). */
const EDITOR_ONLY: ReadonlySet<string> = new Set([EDITOR_FRAGMENT]);

/** Whether an update writes or deletes only inside the editor's fragment (what the suggest guard reads). */
export function staysInEditor(decoded: DecodedUpdate, doc: Y.Doc): boolean {
  const input = { decoded, doc, allowedRoots: EDITOR_ONLY };
  return (
    findForeignRootTypes(input).length === 0 && findForeignDeletedRootTypes(input).length === 0
  );
}
