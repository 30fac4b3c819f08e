/**
 * {@code bin/session-tool}: a command dispatcher ({@link dev.storefrontsession.cli.SessionTool}) and its commands
 * ({@link dev.storefrontsession.cli.Command}).
 */
package dev.storefrontsession.cli;
