package dev.storefrontsession.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing {@code AUTH_SECRET} into Spring Boot's short "APPLICATION FAILED TO START"
 * report.
 */
public final class MissingSessionSecretFailureAnalyzer
    extends AbstractFailureAnalyzer<MissingSessionSecretException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingSessionSecretException cause) {
    return new FailureAnalysis(
        "AUTH_SECRET is not set: the shopper session cookies cannot be encrypted.",
        "Set the environment variable AUTH_SECRET (or storefront.session.secret) to a long random string, e.g. the"
            + " output of `openssl rand -base64 32`, the same on every instance. For local development only, set"
            + " storefront.session.generate-secret-if-missing=true.",
        cause);
  }
}
