package org.opsdesk.banking.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.ParsedStatement;
import org.opsdesk.banking.formats.ReadFile;
import org.opsdesk.exchange.OfficeAccount;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException.FieldError;
import org.springframework.stereotype.Component;

/**
 * Which office account each statement of a file belongs to: the one its identifier names (IBAN or account number),
 * or the one the cashier assigns when the bank masks the number. Every statement must land on an office account in
 * the statement's currency, else the whole file is refused naming each statement that does not.
 */
@Component
class StatementTargets {

    /** A statement and the office account it is stored for. */
    record Target(ParsedStatement statement, OfficeAccount account, String currency) {}

    private final OfficeAccounts accounts;

    StatementTargets(OfficeAccounts accounts) {
        this.accounts = accounts;
    }

    List<Target> resolve(ReadFile file, @Nullable UUID assigned) {
        OfficeAccount explicit = assigned == null ? null : explicitAccount(assigned, file);
        List<Target> targets = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<ParsedStatement> statements = file.statements();
        for (int i = 0; i < statements.size(); i++) {
            ParsedStatement statement = statements.get(i);
            OfficeAccount account = explicit != null
                    ? explicit
                    : accounts.byIdentifier(statement.accountIdentifier()).orElse(null);
            if (account == null) {
                errors.add(new FieldError(
                        "statements[" + i + "].accountIdentifier",
                        statement.accountIdentifier()
                                + " is not one of the office's bank accounts; add it, or assign the statement to"
                                + " one with ?bankAccount={id}"));
                continue;
            }
            String currency = currencyOf(statement, account);
            if (!currency.equals(account.currency())) {
                errors.add(new FieldError(
                        "statements[" + i + "].currency",
                        "the statement is in " + currency + " but the account " + account.number() + " is in "
                                + account.currency()));
                continue;
            }
            targets.add(new Target(statement, account, currency));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return targets;
    }

    private OfficeAccount explicitAccount(UUID assigned, ReadFile file) {
        OfficeAccount account = accounts.byId(assigned)
                .orElseThrow(() -> InvalidInput.of("bankAccount", "no office bank account has this id"));
        long identifiers = file.statements().stream()
                .map(ParsedStatement::accountIdentifier)
                .distinct()
                .count();
        if (identifiers > 1) {
            throw InvalidInput.of(
                    "bankAccount",
                    "the file holds statements of " + identifiers
                            + " accounts; an account can be assigned only to a file of one");
        }
        return account;
    }

    /** The currency the statement is in: its balances', else its entries', else (empty) the account's. */
    private static String currencyOf(ParsedStatement statement, OfficeAccount account) {
        if (statement.closingBalance() != null) {
            return statement.closingBalance().currency().code();
        }
        if (!statement.entries().isEmpty()) {
            return statement.entries().get(0).amount().currency().code();
        }
        return account.currency();
    }
}
