package com.altscodex.jakarta.pending;

import com.altscodex.jakarta.wire.SlotInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A registered login: {@code result} settles once with the slot or a failure; {@code recorded}
 * completes when the store holds the state (at once in memory; after a round trip to a shared
 * store), and only then may authorize be sent.
 */
public record Registration(CompletableFuture<SlotInfo> result, CompletionStage<Void> recorded) {
}
