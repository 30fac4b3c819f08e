package dev.storefrontsession.sandbox.internal.store;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs work in one database transaction (every mutation does). */
public final class Tx {
  private final TransactionTemplate template;

  Tx(TransactionTemplate template) {
    this.template = template;
  }

  public <T> T run(Supplier<T> work) {
    return template.execute(status -> work.get());
  }
}
