/**
 * The in-process domain event bus: typed by `DomainEvents`, one per server (built in the
 * composition root, no module-level state). A command awaits `emit` after its writes are
 * stored, so what subscribers do (audit, access re-checks, broadcasts) has happened when the
 * HTTP answer leaves; a subscriber's failure is logged and never fails the command, whose
 * write is already done.
 */
import type { Logger } from '../logger';
import type { DomainEventName, DomainEvents } from './domainEvents';

/** A subscriber of one event; a returned promise is awaited, any other value ignored. */
export type DomainEventHandler<N extends DomainEventName> = (payload: DomainEvents[N]) => unknown;

/** What commands (emit) and subscribers (on) get. */
export interface EventBus {
  /**
   * Runs every handler of `name`, one after the other in the order they subscribed (so a
   * broadcast subscribed before the access re-check reaches a room before it is pruned);
   * resolves when all have run.
   */
  emit<N extends DomainEventName>(name: N, payload: DomainEvents[N]): Promise<void>;
  /** Adds a handler; returns the function that removes it. */
  on<N extends DomainEventName>(name: N, handler: DomainEventHandler<N>): () => void;
}

/** Builds an empty bus; `logger` receives handler failures. */
export function createEventBus(input: { logger: Logger }): EventBus {
  const handlers = new Map<DomainEventName, Set<DomainEventHandler<DomainEventName>>>();
  return {
    async emit(name, payload) {
      for (const handler of [...(handlers.get(name) ?? [])]) {
        try {
          await handler(payload);
        } catch (error: unknown) {
          input.logger.error({ err: error, event: name }, 'domain event handler failed');
        }
      }
    },
    on(name, handler) {
      let set = handlers.get(name);
      if (!set) {
        set = new Set();
        handlers.set(name, set);
      }
      // Stored under its own name only: the cast cannot mix payload types.
      const stored = handler as DomainEventHandler<DomainEventName>;
      set.add(stored);
      return () => {
        set.delete(stored);
      };
    },
  };
}
