package org.opsdesk.operations;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents, for the API description, the query parameters {@link OperationFilters#fromParameters} reads (the
 * names of {@link OperationFilters#PARAMETERS}): on every handler that filters operations with them, so the
 * operations list and the CSV export describe one filter the same way.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameters({
    @Parameter(
            in = ParameterIn.QUERY,
            name = "type",
            description =
                    "Operation types, comma-separated; a type no workflow declares is refused (422), and only types the caller may view are ever listed.",
            example = "withdrawal,deposit",
            schema = @Schema(type = "string")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "status",
            description = "Canonical statuses, comma-separated, any case.",
            example = "PENDING,ERROR",
            schema = @Schema(type = "string")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "stage",
            description = "Stage codes, comma-separated.",
            example = "review",
            schema = @Schema(type = "string")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "subject",
            description = "Exactly this subject (the client the operation concerns).",
            example = "client-4711",
            schema = @Schema(type = "string", maxLength = 128)),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "assignee",
            description = "Exactly this assignee, or `me` for the caller's own queue.",
            example = "me",
            schema = @Schema(type = "string")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "unassigned",
            description = "`true` for operations nobody is assigned to; cannot be combined with `assignee`.",
            example = "true",
            schema = @Schema(type = "boolean")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "reference",
            description = "Exactly this reference.",
            example = "WD-2026-000123",
            schema = @Schema(type = "string", maxLength = 128)),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "q",
            description = "Search: references starting with it, or exactly this subject.",
            example = "WD-2026",
            schema = @Schema(type = "string", maxLength = 128)),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "currency",
            description = "ISO 4217 (or configured) currency code of the amount.",
            example = "EUR",
            schema = @Schema(type = "string")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "amountMin",
            description = "Amounts at least this, as a decimal string.",
            example = "\"100.00\"",
            schema = @Schema(type = "string", pattern = "^-?\\d{1,30}(\\.\\d{1,18})?$")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "amountMax",
            description = "Amounts at most this, as a decimal string.",
            example = "\"5000.00\"",
            schema = @Schema(type = "string", pattern = "^-?\\d{1,30}(\\.\\d{1,18})?$")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "createdFrom",
            description = "Created at or after this ISO-8601 timestamp with offset.",
            example = "2026-11-01T00:00:00Z",
            schema = @Schema(type = "string", format = "date-time")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "createdTo",
            description = "Created before this ISO-8601 timestamp with offset.",
            example = "2026-12-01T00:00:00Z",
            schema = @Schema(type = "string", format = "date-time")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "updatedFrom",
            description = "Last changed at or after this ISO-8601 timestamp with offset.",
            example = "2026-11-01T00:00:00Z",
            schema = @Schema(type = "string", format = "date-time")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "updatedTo",
            description = "Last changed before this ISO-8601 timestamp with offset.",
            example = "2026-12-01T00:00:00Z",
            schema = @Schema(type = "string", format = "date-time")),
    @Parameter(
            in = ParameterIn.QUERY,
            name = "sort",
            description = "Order of the list; `-` for newest first (the default is `-createdAt`).",
            example = "-updatedAt",
            schema =
                    @Schema(
                            type = "string",
                            allowableValues = {"-createdAt", "createdAt", "-updatedAt", "updatedAt"}))
})
public @interface OperationFilterParameters {}
