package org.opsdesk.operations.lifecycle;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.HistoryEntry;

/** One history entry as integrators and auditors see it; hashes in hex. */
record HistoryResponse(
        long seq,
        String kind,
        Instant at,
        ActorBody actor,
        @Nullable StageBody from,
        StageBody to,
        @Nullable String reason,
        @Nullable String comment,
        boolean override,
        @JsonRawValue String changes,
        @Nullable String requestId,
        @Nullable String previousHash,
        String hash) {

    record ActorBody(String kind, String id, String name) {}

    record StageBody(String stage, String status) {}

    static HistoryResponse of(HistoryEntry e) {
        HexFormat hex = HexFormat.of();
        return new HistoryResponse(
                e.seq(),
                e.kind(),
                e.at(),
                new ActorBody(e.actorKind(), e.actorId(), e.actorName()),
                e.fromStage() == null || e.fromStatus() == null
                        ? null
                        : new StageBody(e.fromStage(), e.fromStatus().name()),
                new StageBody(e.toStage(), e.toStatus().name()),
                e.reason(),
                e.comment(),
                e.override(),
                e.changesJson(),
                e.requestId(),
                e.previousHash() == null ? null : hex.formatHex(e.previousHash()),
                hex.formatHex(e.hash()));
    }
}
