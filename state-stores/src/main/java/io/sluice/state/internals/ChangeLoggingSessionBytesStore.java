package io.sluice.state.internals;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.SessionStore;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import org.apache.kafka.common.utils.Bytes;

/**
 * Sends every write of a session byte store to its changelog under the {@link SessionKeySchema}
 * key, stamped with the current record's timestamp; a removal is logged as a tombstone.
 */
final class ChangeLoggingSessionBytesStore extends WrappedStateStore<SessionStore<Bytes, byte[]>>
    implements SessionStore<Bytes, byte[]> {

  private InternalStoreContext context;

  ChangeLoggingSessionBytesStore(SessionStore<Bytes, byte[]> inner) {
    super(inner);
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    this.context = StoreContexts.internal(context, name());
    super.init(context, root);
  }

  @Override
  public void put(Windowed<Bytes> session, byte[] aggregate) {
    wrapped().put(session, aggregate);
    context.logChange(
        name(),
        SessionKeySchema.toStoreKey(
            session.key(), session.window().startMs(), session.window().endMs()),
        aggregate,
        StoreContexts.changeTimestamp(context));
  }

  @Override
  public void remove(Windowed<Bytes> session) {
    put(session, null);
  }

  @Override
  public byte[] fetchSession(Bytes key, long startMs, long endMs) {
    return wrapped().fetchSession(key, startMs, endMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(
      Bytes key, long earliestSessionEndMs, long latestSessionStartMs) {
    return wrapped().findSessions(key, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
      Bytes key, long earliestSessionEndMs, long latestSessionStartMs) {
    return wrapped().backwardFindSessions(key, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(
      Bytes keyFrom, Bytes keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return wrapped().findSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
      Bytes keyFrom, Bytes keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return wrapped()
        .backwardFindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
    return wrapped().fetch(key);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
    return wrapped().backwardFetch(key);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
    return wrapped().fetch(keyFrom, keyTo);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
    return wrapped().backwardFetch(keyFrom, keyTo);
  }
}
