package dev.storefrontsession.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link SessionSettingException} into Spring Boot's short "APPLICATION FAILED TO START"
 * report.
 */
public final class SessionSettingFailureAnalyzer
    extends AbstractFailureAnalyzer<SessionSettingException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SessionSettingException cause) {
    String message = cause.getMessage();
    String problem = message.substring(0, message.length() - cause.action().length()).strip();
    return new FailureAnalysis(problem, cause.action(), cause);
  }
}
