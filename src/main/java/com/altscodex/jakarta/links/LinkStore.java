package com.altscodex.jakarta.links;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where login links live: in this process, or in Redis so that the replica that issued a link, the
 * one the user's browser reaches and the one the caller polls may all differ. Every answer is a
 * stage; none blocks, and a store that cannot be reached fails it with
 * {@code StoreUnavailableException}. Records outlive their link by {@code retention}, so a late
 * poll still reads the outcome, then go without a thread per link.
 */
public interface LinkStore extends AutoCloseable {

    /** The outcome of {@link #create}. */
    enum Created { CREATED, CODE_TAKEN, FULL }

    /** Keeps a new pending link, unless {@code maxPending} links wait already or its user code is taken. */
    CompletionStage<Created> create(LinkRecord link, int maxPending);

    CompletionStage<Optional<LinkRecord>> get(String id);

    /** The id of the unexpired link with this user code. */
    CompletionStage<Optional<String>> idForCode(String userCode);

    /**
     * Marks a pending, unexpired link {@link LinkStatus#OPENED}: exactly one caller, across replicas,
     * gets {@code true}; the others get the record as it stands.
     */
    CompletionStage<Claim> claim(String id);

    record Claim(boolean claimed, LinkRecord link) {
    }

    /** Settles an opened link with its outcome and wakes its waiters on every replica. */
    CompletionStage<Void> settle(String id, LinkStatus status, String outcome);

    /**
     * The link once it has settled, or as it stands after {@code wait}: without a thread while it
     * waits. An unsettled link's own expiry ends the wait too.
     */
    CompletionStage<Optional<LinkRecord>> awaitSettled(String id, Duration wait);

    /** How many links wait for their user now (this process's count where the store is local). */
    int pending();

    @Override
    void close();
}
