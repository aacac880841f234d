package org.opsdesk.exports.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.OperationFilters;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationRow;
import org.opsdesk.shared.Actor;
import org.springframework.dao.DataAccessResourceFailureException;

/** How an export that breaks off is recorded: the start first, then failed or cancelled with what was sent. */
class OperationExportTests {

    private final OperationQueries operations = mock(OperationQueries.class);
    private final ExportRuns runs = mock(ExportRuns.class);
    private final OperationExport export = new OperationExport(
            operations,
            mock(OperationFilters.class),
            runs,
            new ExportSlots(1, 1, mock(PrincipalExportLeases.class)),
            Path.of(System.getProperty("java.io.tmpdir")),
            Clock.systemUTC());
    private final Actor actor = Actor.system("tests");
    private final OperationExport.Request request =
            new OperationExport.Request(mock(OperationFilter.class), CsvOptions.DEFAULT, "subject=x");

    @Test
    void recordsAFailureInTheMiddleOfTheStreamAndRethrowsIt() {
        UUID id = UUID.randomUUID();
        var failure = new DataAccessResourceFailureException("connection lost");
        when(operations.export(any(), eq(actor), any())).thenAnswer(call -> {
            Consumer<OperationRow> each = call.getArgument(2);
            each.accept(OperationCsvWriterTests.row("1.00", "R1"));
            each.accept(OperationCsvWriterTests.row("2.00", "R2"));
            throw failure;
        });

        assertThatThrownBy(() -> export.write(id, request, actor, "api", new ByteArrayOutputStream()))
                .isInstanceOf(ExportBrokenOff.class)
                .hasCauseReference(failure);

        verify(runs).start(eq(id), eq("api"), eq(actor), eq("subject=x"), eq(CsvOptions.DEFAULT), any());
        var bytes = ArgumentCaptor.forClass(Long.class);
        verify(runs).finish(eq(id), eq(ExportRuns.Outcome.FAILED), eq(2L), bytes.capture(), anyLong(), any(), any());
        assertThat(bytes.getValue()).isZero(); // still in the writer's buffer: nothing reached the client
    }

    @Test
    void recordsAClientThatWentAwayAsCancelled() {
        UUID id = UUID.randomUUID();
        when(operations.export(any(), eq(actor), any())).thenAnswer(call -> {
            Consumer<OperationRow> each = call.getArgument(2);
            for (int i = 0; i < 10_000; i++) {
                each.accept(OperationCsvWriterTests.row("1.00", "R" + i));
            }
            return 10_000L;
        });
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        assertThatThrownBy(() -> export.write(id, request, actor, "console", gone))
                .isInstanceOf(ExportBrokenOff.class)
                .hasRootCauseInstanceOf(IOException.class);

        verify(runs)
                .finish(
                        eq(id),
                        eq(ExportRuns.Outcome.CANCELLED),
                        anyLong(),
                        eq(0L),
                        anyLong(),
                        eq("the client closed the connection"),
                        any());
    }
}
