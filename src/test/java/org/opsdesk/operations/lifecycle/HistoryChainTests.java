package org.opsdesk.operations.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.operations.ChainVerification;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.opsdesk.workflow.Status;

/**
 * The hash chain against tampering, without a database: an intact history verifies; a changed field, a deleted,
 * reordered or inserted entry, a forged link and a chain recomputed after an edit are each found, at the entry
 * where the history stops being trustworthy.
 */
class HistoryChainTests {

    private final List<HistoryEntry> entries = new ArrayList<>();
    private Operation operation;

    /** Four changes of one operation: created, claimed, sent on, paid. */
    @BeforeEach
    void history() {
        var created = OperationTests.created();
        var claimed = created.operation().assign("olga", Operation.AssignAction.CLAIM, olga(), null, at(1), null);
        var awaiting = OperationTests.move(claimed, "awaiting_payment", olga(), null);
        var paid = OperationTests.move(
                awaiting,
                "paid",
                new Actor(Actor.Kind.API_KEY, "key-7", "payments", Permissions.of("parcel:transition:paid")),
                null);
        List.of(created, claimed, awaiting, paid).forEach(change -> entries.add(change.entry()));
        operation = paid.operation();
    }

    @Test
    void verifiesAnIntactHistory() {
        assertThat(verify(entries)).isEqualTo(new ChainVerification(true, 4, null, null));
        assertThat(HistoryChain.verify(List.of(), new byte[0]).valid())
                .as("no history and no head")
                .isTrue();
    }

    /** Every field the canonical form covers; {@code seq} is the reorder and delete cases' business. */
    static Stream<Arguments> changedFields() {
        return Stream.of(
                Arguments.of("operationId", UUID.randomUUID()),
                Arguments.of("kind", HistoryEntry.COMMENTED),
                Arguments.of("at", Instant.parse("2026-12-01T09:00:00.000001Z")),
                Arguments.of("actorKind", "system"),
                Arguments.of("actorId", "mallory"),
                Arguments.of("actorName", "Mallory"),
                Arguments.of("fromStage", "awaiting_payment"),
                Arguments.of("fromStatus", Status.SUCCESS),
                Arguments.of("toStage", "paid"),
                Arguments.of("toStatus", Status.SUCCESS),
                Arguments.of("reason", "approved by phone"),
                Arguments.of("comment", "nothing to see"),
                Arguments.of("override", true),
                Arguments.of("changesJson", "{\"action\":\"claim\",\"assignee\":\"mallory\"}"),
                Arguments.of("requestId", "req-forged"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedFields")
    void findsAChangedFieldAtItsEntry(String field, Object value) {
        entries.set(1, with(entries.get(1), field, value));

        assertBrokenAt(verify(entries), 2, "its content does not match its hash");
    }

    @Test
    void findsADeletedEntryInTheMiddle() {
        entries.remove(1);

        assertBrokenAt(verify(entries), 2, "entry 2 is missing");
    }

    @Test
    void findsADeletedLatestEntryByTheOperationsHead() {
        entries.remove(3);

        assertBrokenAt(verify(entries), 4, "the chain ends before the operation's latest change");
    }

    @Test
    void findsEntriesReadInAnotherOrder() {
        var third = entries.remove(2);
        entries.add(1, third);

        assertBrokenAt(verify(entries), 2, "entry 2 is missing");
    }

    @Test
    void findsEntriesRenumberedIntoAnotherOrder() {
        var second = entries.get(1);
        var third = entries.get(2);
        entries.set(1, with(third, "seq", 2L));
        entries.set(2, with(second, "seq", 3L));

        assertBrokenAt(verify(entries), 2, "its previous hash does not link to the entry before it");
    }

    @Test
    void findsAForgedPreviousHashEvenWhenTheEntrysOwnHashIsRecomputed() {
        var forged = with(entries.get(2), "previousHash", new byte[32]);
        entries.set(2, with(forged, "hash", HistoryChain.hash(forged.previousHash(), forged)));

        assertBrokenAt(verify(entries), 3, "its previous hash does not link to the entry before it");
    }

    @Test
    void findsAnEditWhoseHashWasRecomputedAtTheNextEntry() {
        var edited = with(entries.get(1), "actorName", "Mallory");
        entries.set(1, with(edited, "hash", HistoryChain.hash(edited.previousHash(), edited)));

        assertBrokenAt(verify(entries), 3, "its previous hash does not link to the entry before it");
    }

    @Test
    void findsAWholeChainRecomputedAfterAnEditByTheOperationsHead() {
        entries.set(1, with(entries.get(1), "actorName", "Mallory"));
        byte[] previous = entries.get(0).hash();
        for (int i = 1; i < entries.size(); i++) {
            var relinked = with(entries.get(i), "previousHash", previous);
            previous = HistoryChain.hash(previous, relinked);
            entries.set(i, with(relinked, "hash", previous));
        }
        assertThat(HistoryChain.verify(entries, previous).valid())
                .as("consistent in itself")
                .isTrue();

        assertBrokenAt(verify(entries), 5, "the chain ends before the operation's latest change");
    }

    @Test
    void findsAnEntryAppendedAfterTheHead() {
        var last = entries.get(3);
        var appended = new HistoryEntry(
                last.operationId(),
                5,
                HistoryEntry.COMMENTED,
                at(9),
                "operator",
                "mallory",
                "Mallory",
                last.toStage(),
                last.toStatus(),
                last.toStage(),
                last.toStatus(),
                null,
                "all fine",
                false,
                "{}",
                null,
                last.hash(),
                new byte[0]);
        entries.add(with(appended, "hash", HistoryChain.hash(last.hash(), appended)));

        assertBrokenAt(verify(entries), 6, "the chain ends before the operation's latest change");
    }

    @Test
    void theCanonicalFormIsAFixedOrderJsonArrayOfTheEntrysFields() {
        var first = entries.get(0);

        assertThat(HistoryChain.canonical(first))
                .startsWith("[\"" + first.operationId() + "\",1,\"created\",\"2026-12-01T09:00:00Z\",\"operator\"")
                .endsWith(",false," + "\"" + first.changesJson().replace("\"", "\\\"") + "\",null]");
    }

    /**
     * A field added to {@link HistoryEntry} must be hashed, or the chain would not notice it being edited: the one
     * field list ({@link HistoryField}) names every component in the record's order, and hashes all of them except
     * the entry's own links. The insert binds exactly the listed fields.
     */
    @Test
    void hashesAndStoresEveryFieldOfTheEntryButHashesNotItsOwnLinks() {
        List<String> components = Arrays.stream(HistoryEntry.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        List<String> links = List.of("previousHash", "hash");

        assertThat(Arrays.stream(HistoryField.values()).map(HistoryField::component))
                .containsExactlyElementsOf(components);
        assertThat(Arrays.stream(HistoryField.values())
                        .filter(HistoryField::isHashed)
                        .map(HistoryField::component))
                .containsExactlyElementsOf(
                        components.stream().filter(c -> !links.contains(c)).toList());
        assertThat(HistoryField.hashedValues(entries.get(0))).hasSize(components.size() - links.size());
        assertThat(HistoryStore.insertSelecting("written").chars().filter(c -> c == '?'))
                .hasSize(HistoryStore.insertParams(entries.get(0)).size())
                .hasSize(components.size());
    }

    /** The tamper cases above change each hashed field; a new hashed field must get its case too. */
    @Test
    void tamperCasesCoverEveryHashedFieldButTheSequence() {
        assertThat(changedFields().map(arguments -> (String) arguments.get()[0]))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(HistoryField.values())
                        .filter(HistoryField::isHashed)
                        .map(HistoryField::component)
                        .filter(c -> !c.equals("seq"))
                        .toList());
    }

    /**
     * Stored chains must verify for ever: the canonical form and the hash of a fixed entry are pinned to what every
     * stored row was hashed with, so reordering, renaming or reformatting a field breaks this test, not the chains.
     */
    @Test
    void hashesAFixedEntryExactlyAsStoredChainsWereHashed() {
        var first = fixed(1, null, null, null, "{\"reference\":\"P-1\"}", null);
        var second = fixed(2, "new", Status.PENDING, "ok \u00e9", "{}", first.hash());

        assertThat(HistoryChain.canonical(second))
                .isEqualTo(
                        "[\"0b4f1c9e-3a52-4c1d-9a0e-7d2b6c5e8f10\",2,\"transitioned\",\"2026-12-01T09:00:00.123456Z\","
                                + "\"operator\",\"olga\",\"Olga Nowak\",\"new\",\"PENDING\",\"paid\",\"SUCCESS\",\"ok \u00e9\",\"a note\","
                                + "true,\"{}\",\"req-1\"]");
        assertThat(HexFormat.of().formatHex(first.hash())).isEqualTo(GOLDEN_FIRST);
        assertThat(HexFormat.of().formatHex(second.hash())).isEqualTo(GOLDEN_SECOND);
    }

    private static final String GOLDEN_FIRST = "5f608a5c114c21ac9ff68b2fae814d3883471fab6c172e63cad88ed9cda5157b";
    private static final String GOLDEN_SECOND = "13412ee2bc653816e3a29be33b673dd70d5318e783548bb99a23e5b71a0e0a6e";

    private static HistoryEntry fixed(
            long seq,
            @Nullable String fromStage,
            @Nullable Status fromStatus,
            @Nullable String reason,
            String changes,
            byte @Nullable [] previousHash) {
        var entry = new HistoryEntry(
                UUID.fromString("0b4f1c9e-3a52-4c1d-9a0e-7d2b6c5e8f10"),
                seq,
                seq == 1 ? HistoryEntry.CREATED : HistoryEntry.TRANSITIONED,
                Instant.parse("2026-12-01T09:00:00.123456Z"),
                "operator",
                "olga",
                "Olga Nowak",
                fromStage,
                fromStatus,
                seq == 1 ? "new" : "paid",
                seq == 1 ? Status.PENDING : Status.SUCCESS,
                reason,
                seq == 1 ? null : "a note",
                seq != 1,
                changes,
                seq == 1 ? null : "req-1",
                previousHash,
                new byte[0]);
        return with(entry, "hash", HistoryChain.hash(previousHash, entry));
    }

    private ChainVerification verify(List<HistoryEntry> history) {
        return HistoryChainVerifier.verify(history, operation);
    }

    private static void assertBrokenAt(ChainVerification verification, long seq, String problem) {
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenEntry()).isEqualTo(seq);
        assertThat(verification.problem()).isEqualTo(problem);
    }

    /** A copy of the entry with one component replaced, as someone with write access to the table would. */
    private static HistoryEntry with(HistoryEntry entry, String component, @Nullable Object value) {
        RecordComponent[] components = HistoryEntry.class.getRecordComponents();
        Object[] values = new Object[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(entry);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (components[i].getName().equals(component)) {
                values[i] = value;
                found = true;
            }
        }
        assertThat(found).as("HistoryEntry has a component %s", component).isTrue();
        try {
            return HistoryEntry.class
                    .getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Actor olga() {
        return new Actor(Actor.Kind.OPERATOR, "olga", "Olga Nowak", Permissions.all());
    }

    private static Instant at(int minutes) {
        return Instant.parse("2026-12-01T09:00:00Z").plusSeconds(60L * minutes);
    }
}
