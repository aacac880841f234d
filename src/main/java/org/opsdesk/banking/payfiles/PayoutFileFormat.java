package org.opsdesk.banking.payfiles;

import java.util.Arrays;
import java.util.Optional;

/** The files a payout batch can be downloaded as, by the name the API's {@code format} parameter uses. */
public enum PayoutFileFormat {
    PAIN_001_001_03("pain.001.001.03", "application/xml", "xml"),
    PAIN_001_001_09("pain.001.001.09", "application/xml", "xml"),
    CSV("csv", "text/csv", "csv");

    private final String parameter;
    private final String mediaType;
    private final String extension;

    PayoutFileFormat(String parameter, String mediaType, String extension) {
        this.parameter = parameter;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The format named {@code parameter} ({@code pain.001.001.03}, {@code pain.001.001.09} or {@code csv}). */
    public static Optional<PayoutFileFormat> fromParameter(String parameter) {
        return Arrays.stream(values())
                .filter(f -> f.parameter.equals(parameter))
                .findFirst();
    }

    public String parameter() {
        return parameter;
    }

    /** The media type of the file; both XML and CSV are UTF-8. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name's extension, without the dot. */
    public String extension() {
        return extension;
    }
}
