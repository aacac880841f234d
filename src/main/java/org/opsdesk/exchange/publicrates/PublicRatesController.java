package org.opsdesk.exchange.publicrates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public rate files, without sign-in: {@code /rates.xml} (the exchanger-monitor export), {@code /rates.csv}
 * (the same columns) and {@code /api/public/v1/rates} (JSON, for the office's own pages; CORS for the configured
 * origins). Each answers with an {@code ETag} and {@code Last-Modified}, and {@code 304} to a conditional request
 * while nothing changed.
 */
@Tag(name = "Currencies and rates")
@RestController
@RequiresPermission(RequiresPermission.ANYONE) // published on purpose: what rate monitors and websites read
class PublicRatesController {

    static final String JSON_PATH = "/api/public/v1/rates";
    static final List<String> PATHS = List.of("/rates.xml", "/rates.csv", JSON_PATH);

    private static final MediaType XML = new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final PublicRateFiles files;

    PublicRatesController(PublicRateFiles files) {
        this.files = files;
    }

    @GetMapping("/rates.xml")
    ResponseEntity<byte[]> xml(
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch,
            @RequestHeader(name = "If-Modified-Since", required = false) @Nullable String ifModifiedSince) {
        return answer("xml", XML, RateFileSnapshot::xml, ifNoneMatch, ifModifiedSince);
    }

    @GetMapping("/rates.csv")
    ResponseEntity<byte[]> csv(
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch,
            @RequestHeader(name = "If-Modified-Since", required = false) @Nullable String ifModifiedSince) {
        return answer("csv", CSV, RateFileSnapshot::csv, ifNoneMatch, ifModifiedSince);
    }

    @GetMapping(path = JSON_PATH, produces = "application/json")
    @SecurityRequirements // no API key: anyone may read it
    @Operation(
            operationId = "getPublicRates",
            summary = "Read the public rates",
            description = "Every quotable pair in both directions, without sign-in: the client gives `in` of `from`"
                    + " and gets `out` of `to`; `amount` is the office's reserve of `to`, `minamount`/`maxamount`"
                    + " the limits of one order in `from`, `param` is `manual` where a person takes part in the"
                    + " payout. Answers `ETag` and `Last-Modified` (`304` to a conditional request while nothing"
                    + " changed) and CORS headers for the origins in opsdesk.exchange.public.allowed-origins.")
    @ApiResponse(
            responseCode = "200",
            description = "The public rates.",
            content = @Content(schema = @Schema(implementation = PublicRates.class)))
    ResponseEntity<byte[]> json(
            @Parameter(description = "The `ETag` of the rates the caller holds: `304` while they are current.")
                    @RequestHeader(name = "If-None-Match", required = false)
                    @Nullable
                    String ifNoneMatch,
            @Parameter(
                            description = "The `Last-Modified` of the rates the caller holds: `304` if nothing changed"
                                    + " since.")
                    @RequestHeader(name = "If-Modified-Since", required = false)
                    @Nullable
                    String ifModifiedSince) {
        return answer("json", MediaType.APPLICATION_JSON, RateFileSnapshot::json, ifNoneMatch, ifModifiedSince);
    }

    private ResponseEntity<byte[]> answer(
            String format,
            MediaType type,
            Function<RateFileSnapshot, byte[]> body,
            @Nullable String ifNoneMatch,
            @Nullable String ifModifiedSince) {
        var snapshot = files.current();
        String etag = snapshot.etag(format);
        boolean unchanged = ifNoneMatch != null
                ? matches(ifNoneMatch, etag)
                : ifModifiedSince != null && notModifiedSince(ifModifiedSince, snapshot);
        var answer = ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(etag)
                .lastModified(snapshot.lastModified())
                .cacheControl(CacheControl.noCache().cachePublic());
        return unchanged ? answer.build() : answer.contentType(type).body(body.apply(snapshot));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notModifiedSince(String ifModifiedSince, RateFileSnapshot snapshot) {
        try {
            var since = java.time.ZonedDateTime.parse(
                            ifModifiedSince, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return !snapshot.lastModified().isAfter(since);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return false; // a date that is not one: answer the file
        }
    }

    /** The JSON's shape, for the API description. */
    record PublicRates(@Schema(example = "2026-12-07T09:15:00Z") String updatedAt, List<PublicRate> items) {}

    record PublicRate(
            @Schema(example = "EUR") String from,
            @Schema(example = "PLN") String to,
            @Schema(example = "1") String in,
            @Schema(example = "4.2150") String out,
            @Schema(example = "125000.00") String amount,
            @Nullable @Schema(example = "50.00") String minamount,
            @Nullable @Schema(example = "20000.00") String maxamount,
            @Nullable @Schema(example = "manual") String param) {}
}
