import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveResponseInput } from '../../../shared/sheets/round-schema.js';
import { isApiError } from '../../lib/api.js';
import { type MyResponse, myResponseQueryKey, type RoundDetail, roundApi, roundQueryKey } from './round-queries.js';

/** How long after the last change a draft is saved. */
const AUTOSAVE_DELAY_MS = 800;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: unknown };

interface SaverOptions {
  orgId: string;
  roundId: string;
  /** Whether a response exists on the server already: the first save creates it (POST), later ones replace it (PUT). */
  exists: boolean;
  /** Whether changes are saved on their own (the server keeps a submitted response submitted). */
  autosave: boolean;
  /** The request body from the newest values, read when a save starts. */
  build: (submit: boolean) => SaveResponseInput;
}

/**
 * Saves a response in order, one request at a time: each change restarts a short timer for a draft
 * save, and a submit waits for any save in flight. Nothing typed is dropped when a save fails; the
 * next change or `retry` sends everything again.
 */
export function useResponseSaver({ orgId, roundId, exists, autosave, build }: SaverOptions) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const existsRef = useRef(exists);
  const buildRef = useRef(build);
  buildRef.current = build;
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<number | undefined>(undefined);
  const changes = useRef(0);
  const savedChanges = useRef(0);

  const send = useCallback(
    async (submit: boolean): Promise<MyResponse> => {
      const upTo = changes.current;
      const input = buildRef.current(submit);
      setState({ kind: 'saving' });
      let saved: MyResponse;
      if (existsRef.current) {
        saved = await roundApi.replaceResponse(orgId, roundId, input);
      } else {
        try {
          saved = await roundApi.createResponse(orgId, roundId, input);
        } catch (error) {
          // Saved meanwhile in another tab: this one replaces it instead.
          if (!isApiError(error, 'response_exists')) throw error;
          saved = await roundApi.replaceResponse(orgId, roundId, input);
        }
      }
      existsRef.current = true;
      savedChanges.current = Math.max(savedChanges.current, upTo);
      queryClient.setQueryData(myResponseQueryKey(orgId, roundId), saved);
      // The round now says there is a response, so coming back to the page loads it.
      queryClient.setQueryData<RoundDetail>(roundQueryKey(orgId, roundId), (round) =>
        round ? { ...round, myStatus: saved.status } : round,
      );
      setState(changes.current > savedChanges.current ? { kind: 'pending' } : { kind: 'saved', at: saved.updatedAt });
      return saved;
    },
    [orgId, roundId, queryClient],
  );

  const enqueue = useCallback(
    (submit: boolean): Promise<MyResponse> => {
      const next = chain.current.catch(() => undefined).then(() => send(submit));
      chain.current = next;
      return next.catch((error: unknown) => {
        setState({ kind: 'error', error });
        throw error;
      });
    },
    [send],
  );

  const stopTimer = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  /** Saves the draft now; failures show in `state` rather than being thrown. */
  const saveDraft = useCallback(() => {
    stopTimer();
    return enqueue(false).catch(() => undefined);
  }, [enqueue, stopTimer]);

  /** Call after every change of the values. */
  const markChanged = () => {
    changes.current += 1;
    stopTimer();
    setState((current) => (current.kind === 'error' ? current : { kind: 'pending' }));
    if (autosave) timer.current = window.setTimeout(() => void saveDraft(), AUTOSAVE_DELAY_MS);
  };

  /** Submits the newest values after any save in flight; throws what the server answered. */
  const submit = () => {
    stopTimer();
    return enqueue(true);
  };

  // Leaving the page with a save still waiting for its timer: send it at once.
  const autosaveRef = useRef(autosave);
  autosaveRef.current = autosave;
  useEffect(
    () => () => {
      if (timer.current !== undefined && autosaveRef.current) void saveDraft();
    },
    [saveDraft],
  );

  return {
    state,
    /** True while some change has not reached the server. */
    isDirty: () => changes.current > savedChanges.current,
    markChanged,
    saveDraft,
    submit,
  };
}
