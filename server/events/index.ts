/** Domain events: the typed bus and its event map (subscribers are wired in `./subscribers`). */
export { createEventBus, type DomainEventHandler, type EventBus } from './bus';
export type { DomainEventName, DomainEvents, EventContext } from './domainEvents';
