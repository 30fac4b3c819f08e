package dev.storefrontsession.core.internal;

import dev.storefrontsession.core.RejectionReason;

/** Internal control flow for a rejected token: no stack trace, no message with token content. */
public final class JweRejection extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient RejectionReason reason;

  public JweRejection(RejectionReason reason) {
    super(reason.description(), null, false, false);
    this.reason = reason;
  }

  public RejectionReason reason() {
    return reason;
  }
}
