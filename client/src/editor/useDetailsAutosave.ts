/**
 * The details panel's save-as-you-go: edits save after a short pause (or at once when the form
 * loses focus or the page closes), each write carrying the `version` it was based on. Another
 * person's change (a refetch after `document:updated`, or a 409 `version_conflict` answer) is
 * merged into the draft; a field both changed becomes a conflict the person settles.
 */
import { useEffect, useReducer, useRef } from 'react';
import type { DocumentDto } from '../../../shared/api/entities';
import { api, type DocumentPatch } from '../api/client';
import { ApiError } from '../api/http';
import { isNewerDocument } from '../query/documentCache';
import {
  changedFields,
  detailsOf,
  mergeDetails,
  patchOf,
  type DetailConflicts,
  type DetailField,
  type DetailsFields,
} from './detailsMerge';
import { useStoreDocument } from './queries';
import { useIsOnline } from '../offline/useIsOnline';

/** How long typing must pause before a save. */
const AUTOSAVE_DELAY_MS = 700;

interface AutosaveState {
  /** The server's copy the draft is based on. */
  base: DocumentDto;
  draft: DetailsFields;
  conflicts: DetailConflicts;
  /** The draft as sent by the save under way, or null. */
  saving: DetailsFields | null;
  error: unknown;
}

type Action =
  | { type: 'edit'; fields: Partial<DetailsFields> }
  | { type: 'saveStarted' }
  | { type: 'saved'; document: DocumentDto }
  | { type: 'conflict'; document: DocumentDto }
  | { type: 'failed'; error: unknown }
  | { type: 'serverChanged'; document: DocumentDto }
  | { type: 'resolve'; field: DetailField; keep: 'mine' | 'theirs' };

/** Rebases the draft on `theirs`, with `base` the values both started from. */
function rebase(state: AutosaveState, base: DetailsFields, theirs: DocumentDto): AutosaveState {
  const { merged, conflicts } = mergeDetails({
    base,
    mine: state.draft,
    theirs: detailsOf(theirs),
  });
  return { ...state, base: theirs, draft: merged, conflicts: { ...state.conflicts, ...conflicts } };
}

function reduce(state: AutosaveState, action: Action): AutosaveState {
  switch (action.type) {
    case 'edit':
      return { ...state, draft: { ...state.draft, ...action.fields }, error: null };
    case 'saveStarted':
      return { ...state, saving: state.draft, error: null };
    case 'saved':
      // What I sent is now the server's; anything typed since stays a change of mine.
      return { ...rebase(state, state.saving ?? state.draft, action.document), saving: null };
    case 'conflict':
      return { ...rebase(state, detailsOf(state.base), action.document), saving: null };
    case 'failed':
      return { ...state, saving: null, error: action.error };
    case 'serverChanged':
      return rebase(state, detailsOf(state.base), action.document);
    case 'resolve': {
      const conflicts = { ...state.conflicts };
      delete conflicts[action.field];
      if (action.keep === 'mine') return { ...state, conflicts };
      const theirs = detailsOf(state.base);
      return {
        ...state,
        conflicts,
        draft: { ...state.draft, [action.field]: theirs[action.field] },
      };
    }
  }
}

/** The current record a 409 `version_conflict` carries, if `error` is one. */
function conflictingDocument(error: unknown): DocumentDto | null {
  if (!(error instanceof ApiError) || error.code !== 'version_conflict') return null;
  const details = error.details as { document?: DocumentDto } | undefined;
  return details?.document ?? null;
}

function hasConflicts(state: AutosaveState): boolean {
  return Object.keys(state.conflicts).length > 0;
}

/** A PATCH body of what `draft` changed from `from`, or null when nothing can be sent. */
function patchToSend(input: {
  from: DetailsFields;
  version: number | undefined;
  draft: DetailsFields;
  /** Fields waiting for the person to settle a conflict: never sent. */
  skip?: DetailConflicts;
}): DocumentPatch | null {
  const { from, version, draft, skip = {} } = input;
  if (draft.title.trim() === '') return null;
  const held = { ...draft };
  for (const field of changedFields(from, draft)) {
    if (skip[field] !== undefined) Object.assign(held, { [field]: from[field] });
  }
  if (changedFields(from, held).length === 0) return null;
  const patch = patchOf(from, held);
  // Only a server that versions documents understands `baseVersion`.
  return typeof version === 'number' ? { ...patch, baseVersion: version } : patch;
}

/** What still has to reach the server (nothing while conflicts wait for the person). */
function unsavedPatch(state: AutosaveState): DocumentPatch | null {
  if (hasConflicts(state)) return null;
  return patchToSend({
    from: detailsOf(state.base),
    version: state.base.version,
    draft: state.draft,
  });
}

/**
 * What to send when the panel closes: the changes not yet sent (after the save under way, if
 * any), leaving out fields in conflict, which cannot be settled once the panel is gone.
 */
function patchOnLeave(state: AutosaveState, saved: DocumentDto | null): DocumentPatch | null {
  if (saved && state.saving) {
    return patchToSend({
      from: state.saving,
      version: saved.version,
      draft: state.draft,
      skip: state.conflicts,
    });
  }
  return patchToSend({
    from: detailsOf(state.base),
    version: state.base.version,
    draft: state.draft,
    skip: state.conflicts,
  });
}

/**
 * The panel's draft of `document`, saved as the person types when `canEdit`. Offline, changes
 * are held (`isHeldOffline`) and sent as soon as the browser is back online.
 */
export function useDetailsAutosave(document: DocumentDto, canEdit: boolean) {
  const storeDocument = useStoreDocument();
  const isOnline = useIsOnline();
  const [state, dispatch] = useReducer(reduce, document, (initial) => ({
    base: initial,
    draft: detailsOf(initial),
    conflicts: {},
    saving: null,
    error: null,
  }));

  // Another person's change reached the cache: merge it (after the save under way, if any).
  if (!state.saving && isNewerDocument(document, state.base)) {
    dispatch({ type: 'serverChanged', document });
  }

  // The save under way, for the last save when the panel closes (answers the stored copy).
  const inFlight = useRef<Promise<DocumentDto | null> | null>(null);
  const save = () => {
    // Offline the write could only fail: it waits, and the effect below sends it on `online`.
    const patch = canEdit && isOnline && !state.saving ? unsavedPatch(state) : null;
    if (!patch) return;
    dispatch({ type: 'saveStarted' });
    const request = api.documents.update({ documentId: document.id, patch });
    inFlight.current = request.then(
      (answer) => answer.document,
      () => null,
    );
    request.then(
      (answer) => {
        storeDocument(answer.document);
        dispatch({ type: 'saved', document: answer.document });
      },
      (error: unknown) => {
        const current = conflictingDocument(error);
        if (current) dispatch({ type: 'conflict', document: current });
        else dispatch({ type: 'failed', error });
      },
    );
  };
  const saveRef = useRef(save);
  const latest = useRef(state);
  useEffect(() => {
    saveRef.current = save;
    latest.current = state;
  });

  // Unsaved includes what cannot be sent yet (an empty title, a conflict): leaving still warns.
  const pending =
    state.saving !== null || changedFields(detailsOf(state.base), state.draft).length > 0;
  const hasFailed = state.error !== null;
  useEffect(() => {
    // After a failure, the next edit or leaving the form tries again (not a retry loop).
    if (!pending || state.saving || hasFailed || !isOnline) return;
    const timer = window.setTimeout(() => saveRef.current(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [pending, state.saving, state.draft, hasFailed, isOnline]);

  // Leaving the page with a change not yet stored: the browser asks first.
  useEffect(() => {
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);

  // Leaving inside the app (another page): what was typed is still sent, after the save
  // under way if there is one, based on the version that save stored.
  const documentId = document.id;
  useEffect(
    () => () => {
      if (!canEdit) return;
      const state = latest.current;
      const saving = state.saving && inFlight.current ? inFlight.current : Promise.resolve(null);
      void saving.then((saved) => {
        const patch = patchOnLeave(state, saved);
        if (!patch) return;
        void api.documents.update({ documentId, patch }).then(
          (answer) => storeDocument(answer.document),
          () => {},
        );
      });
    },
    [documentId, canEdit, storeDocument],
  );

  return {
    draft: state.draft,
    conflicts: state.conflicts,
    isSaving: state.saving !== null,
    isPending: pending,
    /** Changes waiting for the network: they are sent when the browser is back online. */
    isHeldOffline: pending && !isOnline && state.saving === null,
    error: state.error,
    edit: (fields: Partial<DetailsFields>) => dispatch({ type: 'edit', fields }),
    /** Saves now (the form lost focus). */
    flush: save,
    resolve: (field: DetailField, keep: 'mine' | 'theirs') =>
      dispatch({ type: 'resolve', field, keep }),
  };
}
