package org.opsdesk.banking.imports;

import java.nio.charset.Charset;
import org.opsdesk.banking.formats.StatementFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The statement reader every import shares, with the configured size limit and legacy code page. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    StatementFiles statementFiles(
            @Value("${opsdesk.uploads.max-bytes}") long maxBytes,
            @Value("${opsdesk.banking.statements.legacy-charset:}") String legacyCharset) {
        return new StatementFiles(maxBytes, legacyCharset.isBlank() ? null : Charset.forName(legacyCharset));
    }
}
