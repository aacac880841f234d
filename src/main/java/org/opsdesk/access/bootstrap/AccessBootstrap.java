package org.opsdesk.access.bootstrap;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.keys.ApiKeySecrets;
import org.opsdesk.access.keys.ApiKeyStore;
import org.opsdesk.access.operators.Operator;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.access.operators.PasswordPolicy;
import org.opsdesk.access.roles.BuiltInRoles;
import org.opsdesk.shared.DemoMode;
import org.opsdesk.shared.FirstStartCredentials;
import org.opsdesk.shared.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start on an empty database: the {@code admin} operator (password from OPSDESK_ADMIN_PASSWORD, or
 * generated, and then to be changed at the first sign-in), the integration key from OPSDESK_BOOTSTRAP_API_KEY
 * (every permission), and in demo mode the demo operators and, without such a key, a generated demo key. Every
 * secret is stored only as a hash; the generated ones are written once to an owner-only file in the data
 * directory ({@link FirstStartCredentials}), and the log says only where.
 */
@Component
@Order(0)
class AccessBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);
    private static final int MIN_SECRET_LENGTH = 24;
    private static final List<String> DEMO_ROLES =
            List.of("supervisor", "operator", "cashier", "support", "compliance", "auditor");

    private final JdbcClient jdbc;
    private final ApiKeyStore keys;
    private final BuiltInRoles roles;
    private final OperatorStore operators;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Environment environment;
    private final @Nullable String adminPassword;
    private final @Nullable String bootstrapKey;
    private final Path dataDirectory;
    private final Duration keyLifetime;

    AccessBootstrap(
            JdbcClient jdbc,
            ApiKeyStore keys,
            BuiltInRoles roles,
            OperatorStore operators,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            Clock clock,
            Environment environment,
            @Value("${opsdesk.admin-password:}") @Nullable String adminPassword,
            @Value("${opsdesk.bootstrap-api-key:}") @Nullable String bootstrapKey,
            @Value("${opsdesk.data-dir}") Path dataDirectory,
            @Value("${opsdesk.api.key-max-lifetime}") Duration keyLifetime) {
        this.keyLifetime = keyLifetime;
        this.jdbc = jdbc;
        this.keys = keys;
        this.roles = roles;
        this.operators = operators;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
        this.environment = environment;
        this.adminPassword = blankToNull(adminPassword);
        this.bootstrapKey = blankToNull(bootstrapKey);
        this.dataDirectory = dataDirectory;
        if (this.adminPassword != null) {
            PasswordPolicy.lengthProblem(this.adminPassword).ifPresent(problem -> {
                throw new IllegalStateException("OPSDESK_ADMIN_PASSWORD " + problem);
            });
        }
        if (this.bootstrapKey != null && this.bootstrapKey.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "OPSDESK_BOOTSTRAP_API_KEY must have at least " + MIN_SECRET_LENGTH + " characters");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        var generated = new ArrayList<String>();
        transactions.executeWithoutResult(status -> {
            // Several nodes may start together on an empty database: one of them bootstraps.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('access.bootstrap'))")
                    .query()
                    .singleRow();
            int seeded = roles.seed(clock.instant());
            if (seeded > 0) {
                log.info("Seeded {} built-in roles", seeded);
            }
            var reconciled = roles.reconcile(clock.instant());
            if (!reconciled.isEmpty()) {
                log.info("Built-in roles given the grants of this version: {}", reconciled);
            }
            createAdminIfMissing(generated);
            createKeys(generated);
        });
        if (!generated.isEmpty()) {
            Path file = FirstStartCredentials.write(dataDirectory, generated, clock.instant());
            log.warn(
                    "\n\n  Generated first-start credentials were written to {} (readable by this user only)."
                            + "\n  Read them there, sign in and choose your own password, then delete the file.\n",
                    file);
        }
    }

    private void createAdminIfMissing(List<String> generated) {
        boolean none = jdbc.sql("select not exists (select 1 from access.operator)")
                .query(Boolean.class)
                .single();
        if (!none) {
            return;
        }
        String password = adminPassword != null ? adminPassword : FirstStartCredentials.generatedPassword();
        if (DemoMode.isOn(environment)) {
            createDemoOperators(generated);
        }
        // a generated password has been on disk: it is changed at the first sign-in; a configured one was chosen
        jdbc.sql(
                        """
                        insert into access.operator (id, username, display_name, password_hash, roles, created_at,
                            updated_at, password_change_required)
                        values (?, 'admin', 'Administrator', ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        passwords.encode(password),
                        new String[] {"admin"},
                        clock.instant().atOffset(java.time.ZoneOffset.UTC),
                        clock.instant().atOffset(java.time.ZoneOffset.UTC),
                        adminPassword == null)
                .update();
        if (adminPassword == null) {
            generated.add("admin password: " + password);
            generated.add("  (to be changed at the first sign-in; set OPSDESK_ADMIN_PASSWORD to choose it instead)");
            log.info("Created operator 'admin' with a generated password");
        } else {
            log.info("Created operator 'admin' with the password from OPSDESK_ADMIN_PASSWORD");
        }
    }

    /** One operator per desk role, so the console can be tried as each of them; one shared password. */
    private void createDemoOperators(List<String> generated) {
        String password = FirstStartCredentials.generatedPassword();
        // one hash for all: they share the password anyway, and argon2id costs a noticeable moment each
        String hash = passwords.encode(password);
        var now = clock.instant();
        for (String role : DEMO_ROLES) {
            operators.insert(
                    new Operator(
                            UUID.randomUUID(),
                            role,
                            "Demo " + role,
                            role + "@demo.opsdesk.invalid",
                            null,
                            "en",
                            List.of(role),
                            true,
                            false,
                            null,
                            now,
                            now,
                            null,
                            null),
                    hash);
        }
        generated.add("demo operators " + String.join(", ", DEMO_ROLES) + " password: " + password);
        log.info("Created demo operators {}", String.join(", ", DEMO_ROLES));
    }

    private void createKeys(List<String> generated) {
        if (bootstrapKey != null) {
            if (!keys.existsWithSecret(bootstrapKey)) {
                keys.create(
                        "bootstrap",
                        bootstrapKey,
                        List.of(Permissions.ALL),
                        clock.instant().plus(keyLifetime),
                        "bootstrap",
                        clock.instant());
                log.info(
                        "Created the bootstrap API key from OPSDESK_BOOTSTRAP_API_KEY (all permissions, expires in {}"
                                + " days: set a new key before then)",
                        keyLifetime.toDays());
            }
        } else if (DemoMode.isOn(environment) && keys.isEmpty()) {
            String secret = ApiKeySecrets.generate();
            keys.create(
                    "demo",
                    secret,
                    List.of(Permissions.ALL),
                    clock.instant().plus(keyLifetime),
                    "bootstrap",
                    clock.instant());
            generated.add("demo API key (all permissions; send it as 'Authorization: Bearer <key>'): " + secret);
            log.info("Created the demo API key (all permissions)");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
