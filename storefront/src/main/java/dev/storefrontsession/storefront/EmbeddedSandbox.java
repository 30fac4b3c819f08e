package dev.storefrontsession.storefront;

import java.net.URI;

import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;

/**
 * The sandbox this storefront started in its own process because no store was configured; a bean of the
 * storefront's context (absent when a real store is used). The sandbox runs its own Spring context and web server
 * on a loopback port and is closed with the storefront.
 */
public final class EmbeddedSandbox {

    private final SandboxServer server;

    EmbeddedSandbox(SandboxServer server) {
        this.server = server;
    }

    /** The sandbox's Storefront GraphQL endpoint, {@code http://127.0.0.1:<port>/graphql}. */
    public URI graphqlEndpoint() {
        return server.graphqlEndpoint();
    }

    /** The settings the sandbox runs with (store hash, channel, tokens, API client credentials). */
    public SandboxSettings settings() {
        return server.settings();
    }

    /** The running server itself, for tests that need more. */
    public SandboxServer server() {
        return server;
    }

    @Override
    public String toString() {
        return "EmbeddedSandbox[" + graphqlEndpoint() + "]";
    }
}
