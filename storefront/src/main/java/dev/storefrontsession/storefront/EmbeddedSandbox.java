package dev.storefrontsession.storefront;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;

/**
 * The sandbox this storefront started in its own process because no store was configured; a bean of the
 * storefront's context (absent when a real store is used). The sandbox runs its own Spring context and web server
 * on a loopback port, starts in parallel with the storefront (methods wait until it is up) and is closed with the
 * storefront. Thread-safe.
 */
public final class EmbeddedSandbox {

    private final CompletableFuture<SandboxServer> server;
    private final SandboxSettings settings;

    EmbeddedSandbox(CompletableFuture<SandboxServer> server, SandboxSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /** The sandbox's Storefront GraphQL endpoint, {@code http://127.0.0.1:<port>/graphql}. */
    public URI graphqlEndpoint() {
        return server().graphqlEndpoint();
    }

    /** Every channel's endpoint as the client's template, {@code http://127.0.0.1:<port>/channels/{channelId}/graphql}. */
    public String graphqlEndpointTemplate() {
        return server().graphqlEndpointTemplate();
    }

    /** The settings the sandbox runs with (store hash, channel, tokens, API client credentials). */
    public SandboxSettings settings() {
        return settings;
    }

    /** The running server itself (waits for the start to finish; throws if it failed). */
    public SandboxServer server() {
        try {
            return server.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("The embedded sandbox did not start: " + cause.getMessage(), cause);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedSandbox[" + (server.isDone() && !server.isCompletedExceptionally()
                ? server.join().graphqlEndpoint() : "starting") + "]";
    }
}
