package org.opsdesk.exchange.currencies;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether an in-memory copy of the desk's terms (currency settings, pairs) is still what the database holds: the
 * counter {@code exchange.terms_version}, moved by triggers in the same transaction as any change to those tables,
 * on any instance or by hand. A copy is used only after checking it — one short query, read once per transaction —
 * so every instance quotes from what is committed, never from a truth of its own.
 *
 * <p>A transaction that changed the terms reads them from the tables until it ends and caches nothing: what it
 * sees is not committed, and might never be.
 */
@Component
public class TermsVersion {

    /** A value read from the database together with the version it belongs to. */
    private record Entry<T>(long version, T value) {}

    /** What a transaction knows: the version it read, or that it changed the terms. */
    private static final class InTransaction {
        long version = -1;
        boolean changed;
    }

    private final JdbcClient jdbc;

    TermsVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A copy of something read from the terms' tables, reloaded when the counter moved. */
    public final class Cached<T> {

        private final Supplier<T> load;
        private final AtomicReference<Entry<T>> entry = new AtomicReference<>();

        private Cached(Supplier<T> load) {
            this.load = load;
        }

        /** The value as committed now (as this transaction sees it). */
        public T get() {
            InTransaction transaction = transaction();
            if (transaction != null && transaction.changed) {
                return load.get();
            }
            long current = current(transaction);
            Entry<T> cached = entry.get();
            if (cached != null && cached.version() == current) {
                return cached.value();
            }
            // read after the version: data newer than the version it is kept under is harmless, older never happens
            T loaded = load.get();
            entry.set(new Entry<>(current, loaded));
            return loaded;
        }
    }

    /** A cached value of the terms, loaded by {@code load} (which must return something immutable). */
    public <T> Cached<T> cache(Supplier<T> load) {
        return new Cached<>(load);
    }

    /** Says that the current transaction changed the terms: its reads go to the tables until it ends. */
    public void changed() {
        InTransaction transaction = transaction();
        if (transaction != null) {
            transaction.changed = true;
        }
    }

    private long current(@Nullable InTransaction transaction) {
        if (transaction != null && transaction.version >= 0) {
            return transaction.version;
        }
        long version = jdbc.sql("select version from exchange.terms_version")
                .query(Long.class)
                .single();
        if (transaction != null) {
            transaction.version = version;
        }
        return version;
    }

    private @Nullable InTransaction transaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        var bound = (InTransaction) TransactionSynchronizationManager.getResource(this);
        if (bound == null) {
            bound = new InTransaction();
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TermsVersion.this);
                }
            });
        }
        return bound;
    }
}
