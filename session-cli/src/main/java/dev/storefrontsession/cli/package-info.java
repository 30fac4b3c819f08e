/**
 * {@code bin/session-tool}: a command dispatcher ({@link dev.storefrontsession.cli.SessionTool})
 * and its commands ({@link dev.storefrontsession.cli.Command}).
 */
@NullMarked
package dev.storefrontsession.cli;

import org.jspecify.annotations.NullMarked;
