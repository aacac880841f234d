package org.opsdesk.registry.parties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Money;

/** A natural person of the registry, as stored (document number normalised, phone in E.164, email lower case). */
public record Person(
        UUID id,
        String name,
        String documentType,
        String documentNumber,
        @Nullable LocalDate birthDate,
        @Nullable String address,
        @Nullable String email,
        @Nullable String phone,
        @Nullable Money monthlyIncome,
        @Nullable String subject,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy)
        implements Party {

    /** The same person with other contact data, name and income (the document never changes). */
    public Person with(PersonChange change) {
        return new Person(
                id,
                change.name() == null ? name : change.name(),
                documentType,
                documentNumber,
                change.birthDate() == null ? birthDate : change.birthDate(),
                change.address() == null ? address : change.address(),
                change.email() == null ? email : change.email(),
                change.phone() == null ? phone : change.phone(),
                change.monthlyIncome() == null ? monthlyIncome : change.monthlyIncome(),
                subject,
                version,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy);
    }

    /** Fields to change; null leaves one as it is. */
    public record PersonChange(
            @Nullable String name,
            @Nullable LocalDate birthDate,
            @Nullable String address,
            @Nullable String email,
            @Nullable String phone,
            @Nullable Money monthlyIncome) {}
}
