package dev.storefrontsession.client;

import java.util.function.BiConsumer;

/**
 * {@link CallObserver#none()}: one shared instance, so the client can tell that nothing observes.
 */
enum NoCallObserver implements CallObserver {
  INSTANCE;

  private static final Call NOTHING = (outcome, failure) -> {};

  @Override
  public Call start(CallInfo call, BiConsumer<String, String> headers) {
    return NOTHING;
  }
}
