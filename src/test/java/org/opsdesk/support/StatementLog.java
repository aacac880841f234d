package org.opsdesk.support;

import java.text.MessageFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL statements and transactions the application sends to PostgreSQL while it serves HTTP requests, as the
 * JDBC driver logs them (its {@code FINEST} protocol trace): what one page or form costs the database, counted
 * without a proxy around the pool. Only Tomcat's request threads count; the background workers (outbox relay,
 * delivery, timers) are left out. A statement the driver prepared on its connection before recording started shows
 * as {@code <prepared S_n>}; evict the pool's connections first to see every statement's text.
 */
public final class StatementLog implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private static final Pattern PARSE = Pattern.compile("Parse\\(stmt=([^,]*),query=\"(.*)\",oids=", Pattern.DOTALL);
    private static final Pattern BIND = Pattern.compile("Bind\\(stmt=([^,]+),");
    private static final Pattern STATUS = Pattern.compile("CommandStatus\\((.*)\\)");

    private final List<String> entries = new ArrayList<>();
    /** Per thread, the statements sent and not answered yet: the driver pipelines BEGIN with the first one. */
    private final Map<String, Deque<String>> pending = new HashMap<>();

    private final Map<String, String> parsedAs = new HashMap<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String thread = Thread.currentThread().getName();
            if (thread.startsWith("http-nio")) {
                String message = record.getParameters() == null
                        ? record.getMessage()
                        : MessageFormat.format(record.getMessage(), record.getParameters());
                heard(thread, message);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private StatementLog() {}

    /** Starts recording. */
    public static StatementLog start() {
        var log = new StatementLog();
        DRIVER.setLevel(Level.FINEST);
        DRIVER.addHandler(log.handler);
        return log;
    }

    private synchronized void heard(String thread, String message) {
        Deque<String> sent = pending.computeIfAbsent(thread, t -> new ArrayDeque<>());
        Matcher parse = PARSE.matcher(message);
        if (parse.find()) {
            sent.add(parse.group(2).replaceAll("\\s+", " "));
            parsedAs.put(thread, parse.group(1));
            return;
        }
        Matcher bind = BIND.matcher(message);
        if (bind.find()) {
            String name = bind.group(1);
            // a statement the driver prepared earlier on this connection is bound by its name alone
            if (!"null".equals(name) && !name.equals(parsedAs.get(thread))) {
                sent.add("<prepared " + name + ">");
            }
            parsedAs.remove(thread);
            return;
        }
        Matcher status = STATUS.matcher(message);
        if (status.find()) {
            String tag = status.group(1);
            if (tag.equals("BEGIN")) { // sent with the first statement, without a Parse or Bind of its own
                entries.add(tag);
                return;
            }
            String text = sent.isEmpty() ? "?" : sent.poll();
            entries.add(tag.equals("COMMIT") || tag.equals("ROLLBACK") ? tag : tag + " :: " + text);
        }
    }

    /** What was recorded since the last call (BEGIN, COMMIT, and each statement's result tag and text), then forgets it. */
    public synchronized Requests take() {
        var taken = new Requests(List.copyOf(entries));
        entries.clear();
        return taken;
    }

    /**
     * What was recorded, once the request threads have been silent for 300 ms: the session is written after the
     * response may already have reached the client.
     */
    public Requests takeAfterQuiet() throws InterruptedException {
        int seen = -1;
        while (true) {
            int now;
            synchronized (this) {
                now = entries.size();
            }
            if (now == seen) {
                return take();
            }
            seen = now;
            Thread.sleep(300);
        }
    }

    @Override
    public void close() {
        DRIVER.removeHandler(handler);
        DRIVER.setLevel(null);
    }

    /** The statements of some requests, in order, and the transactions they make. */
    public record Requests(List<String> entries) {

        /** Statements sent, BEGIN and COMMIT not counted. */
        public long statements() {
            return entries.stream().filter(StatementLog::isStatement).count();
        }

        /**
         * Transactions the server ran: each BEGIN … COMMIT, and each statement outside one (autocommit is a
         * transaction of its own).
         */
        public long transactions() {
            long transactions = 0;
            boolean open = false;
            for (String entry : entries) {
                if (entry.equals("BEGIN")) {
                    open = true;
                    transactions++;
                } else if (entry.equals("COMMIT") || entry.equals("ROLLBACK")) {
                    open = false;
                } else if (!open) {
                    transactions++;
                }
            }
            return transactions;
        }

        /** One line per entry, for a failing assertion's message and the benchmark's notes. */
        @Override
        public String toString() {
            return statements() + " statements in " + transactions() + " transactions:\n  "
                    + String.join("\n  ", entries);
        }
    }

    private static boolean isStatement(String entry) {
        return !entry.equals("BEGIN") && !entry.equals("COMMIT") && !entry.equals("ROLLBACK");
    }
}
