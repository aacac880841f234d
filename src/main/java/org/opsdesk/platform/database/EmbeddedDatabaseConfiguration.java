package org.opsdesk.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs a real PostgreSQL from Maven artifacts when no external database is configured. Its data lives under
 * {@code opsdesk.data-dir} and survives restarts; it is made durable (zonky starts the server with {@code -F},
 * i.e. fsync off, and {@code synchronous_commit=off}; both are turned back on here).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDataSourceAbsent.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "opsdesk";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${opsdesk.data-dir}") Path dataDirectory) throws IOException {
        Path postgresData = dataDirectory.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(postgresData);
        StalePostmaster.stopIfRunning(postgresData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // Spring stops it after the connection pool, not before
                .setServerConfig("fsync", "on") // later on the command line than zonky's -F, so it wins
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofMinutes(2)) // crash recovery after a kill can take a while
                .start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), postgresData);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("opsdesk-embedded");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the embedded database " + DATABASE, e);
        }
    }
}
