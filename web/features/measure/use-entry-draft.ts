import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import type { SubmissionView } from '../../../core/contracts/measure.js';
import { withoutSaved } from './entry-status.js';
import { measureApi, type ValuesMap } from './measure-api.js';
import { submissionKey } from './use-submission.js';

const AUTOSAVE_MS = 1500;

/**
 * The officer's unsaved values: saved on their own once typing pauses, and guarded against leaving the page
 * (in-app navigation through the router's blocker, reload or closing the tab through beforeunload).
 */
export function useEntryDraft(periodId: number, unitId: number, canEdit: boolean) {
  const queryClient = useQueryClient();
  const key = submissionKey(periodId, unitId);
  const [edits, setEdits] = useState<ValuesMap>({});
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const applySaved = (view: SubmissionView, sent: ValuesMap) => {
    queryClient.setQueryData(key, view);
    // Values typed while the save was in flight stay pending for the next one.
    setEdits((e) => withoutSaved(e, sent));
    setSavedAt(new Date());
  };
  const save = useMutation({
    mutationFn: (sent: ValuesMap) => measureApi.saveValues(periodId, unitId, { values: sent }),
    onSuccess: applySaved,
  });
  const [debounced] = useDebouncedValue(edits, AUTOSAVE_MS);
  // A refused save is not retried until the officer changes something.
  const attempted = useRef<ValuesMap | null>(null);
  useEffect(() => {
    if (!canEdit || save.isPending || attempted.current === debounced) return;
    if (!Object.keys(debounced).length) return;
    attempted.current = debounced;
    save.mutate(debounced);
  }, [debounced, canEdit, save.isPending, save.mutate]);

  const dirty = canEdit && Object.keys(edits).length > 0;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return {
    edits,
    setEdits,
    dirty,
    savedAt,
    save,
    blocker,
    /** Saves what is pending now (before submitting), returning the server's view. */
    flush: async (): Promise<void> => {
      const sent = edits;
      if (!Object.keys(sent).length) return;
      applySaved(await measureApi.saveValues(periodId, unitId, { values: sent }), sent);
    },
  };
}
