package org.opsdesk.operations.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.lifecycle.ProblemMessages;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Applies one action to each selected operation separately, through the {@link OperationCommands} facade (each in its
 * own transaction, with the version the operator saw), and says per item what happened: done, refused and why
 * (in the operator's language), or sent for four-eyes approval. Never all-or-nothing.
 */
@Component
public class BulkActions {

    static final int MAX_ITEMS = 200;

    enum Action {
        TRANSITION,
        ASSIGN,
        CLAIM
    }

    public enum Outcome {
        DONE,
        NEEDS_APPROVAL,
        REFUSED
    }

    /** What happened to one selected operation; {@code reference} null when it could not be found. */
    public record Result(String id, @Nullable String reference, Outcome outcome, String message) {}

    /** A selected row as the form sends it: {@code <id>@<version>}, the version the operator saw. */
    record Selected(UUID id, @Nullable Long version) {
        static @Nullable Selected parse(String value) {
            try {
                int at = value.indexOf('@');
                if (at < 0) {
                    return new Selected(UUID.fromString(value), null);
                }
                return new Selected(UUID.fromString(value.substring(0, at)), Long.parseLong(value.substring(at + 1)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private final OperationCommands commands;
    private final OperationQueries queries;
    private final MessageSource messages;
    private final ProblemMessages problems;

    BulkActions(
            OperationCommands commands, OperationQueries queries, MessageSource messages, ProblemMessages problems) {
        this.problems = problems;
        this.commands = commands;
        this.queries = queries;
        this.messages = messages;
    }

    List<Result> apply(
            Action action,
            List<String> selection,
            @Nullable String to,
            @Nullable String reason,
            @Nullable String assignee,
            Actor actor) {
        var results = new ArrayList<Result>();
        for (String value : selection) {
            Selected selected = Selected.parse(value);
            results.add(
                    selected == null
                            ? new Result(value, null, Outcome.REFUSED, text("bulk.refused.not-found"))
                            : applyOne(action, selected, to, reason, assignee, actor));
        }
        return results;
    }

    private Result applyOne(
            Action action,
            Selected selected,
            @Nullable String to,
            @Nullable String reason,
            @Nullable String assignee,
            Actor actor) {
        OperationSnapshot current;
        try {
            current = queries.get(selected.id(), actor);
        } catch (ProblemException e) {
            return new Result(selected.id().toString(), null, Outcome.REFUSED, text("bulk.refused.not-found"));
        }
        String id = selected.id().toString();
        try {
            switch (action) {
                case TRANSITION -> {
                    var result = commands.transition(selected.id(), to, reason, null, selected.version(), actor);
                    if (result.approval() != null) {
                        return new Result(
                                id, current.reference(), Outcome.NEEDS_APPROVAL, text("bulk.outcome.approval", to));
                    }
                    return new Result(id, current.reference(), Outcome.DONE, text("bulk.done.transition", stage(to)));
                }
                case ASSIGN -> {
                    commands.assign(selected.id(), assignee, reason, selected.version(), actor);
                    return new Result(id, current.reference(), Outcome.DONE, text("bulk.done.assign", assignee));
                }
                case CLAIM -> {
                    commands.claim(selected.id(), selected.version(), actor);
                    return new Result(id, current.reference(), Outcome.DONE, text("bulk.done.claim"));
                }
            }
            throw new IllegalStateException(action.name());
        } catch (ProblemException refused) {
            return new Result(id, current.reference(), Outcome.REFUSED, refusal(refused, current, to, assignee));
        }
    }

    /** The refusal in the operator's language; the API's English detail where no text of our own fits. */
    private String refusal(
            ProblemException refused, OperationSnapshot current, @Nullable String to, @Nullable String assignee) {
        String who = refused.slug().equals("already-assigned") ? current.assignee() : assignee;
        String detail = refused instanceof InvalidInput invalid ? problems.fields(invalid) : refused.detail();
        Object[] args = {stage(current.stage()), stage(to), detail, who == null ? "" : who};
        Locale locale = LocaleContextHolder.getLocale();
        String specific = messages.getMessage("bulk.refused." + refused.slug(), args, null, locale);
        return specific != null ? specific : messages.getMessage("bulk.refused.other", args, locale);
    }

    private String text(String key, @Nullable Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String stage(@Nullable String code) {
        return code == null ? "" : code.replace('_', ' ');
    }
}
